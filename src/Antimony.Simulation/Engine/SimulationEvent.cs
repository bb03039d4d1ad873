using Antimony.Primitives.Blocks;

namespace Antimony.Simulation.Engine;

/// <summary>One scheduled event: its kind, the node it happens at, the link it concerns, and its frame or block.</summary>
internal readonly record struct SimulationEvent(EventKind Kind, int Node, int Link, byte[]? Frame, Block? Block);
