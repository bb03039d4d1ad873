using Antimony.Devnet.Rpc;
using Antimony.Devnet.State;

namespace Antimony.Devnet.Cli;

/// <summary>A command's view of a running devnet: its recorded state and a client per node.</summary>
internal sealed class DevnetSession : IDisposable
{
    private DevnetSession(string directory, DevnetState state)
    {
        Directory = directory;
        State = state;
        Clients = new DevnetClients(state);
    }

    /// <summary>The devnet directory.</summary>
    public string Directory { get; }

    /// <summary>The recorded state.</summary>
    public DevnetState State { get; }

    /// <summary>RPC clients, by node index.</summary>
    public DevnetClients Clients { get; }

    /// <summary>Opens the devnet recorded in <paramref name="directory"/>, or explains on standard error that there is none.</summary>
    public static DevnetSession? Open(string directory)
    {
        string full = Path.GetFullPath(directory);
        try
        {
            if (StateFile.TryLoad(full, out var state))
                return new DevnetSession(full, state);
            Console.Error.WriteLine($"No devnet recorded in {full} (no {StateFile.FileName}); start one with `atmn-devnet up --datadir {full}`.");
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
        }
        return null;
    }

    /// <summary>Closes the clients.</summary>
    public void Dispose() => Clients.Dispose();
}
