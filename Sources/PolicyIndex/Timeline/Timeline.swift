/// The dated events of a corpus. (Placeholder.)
public struct Timeline: Sendable {
    public var expressions: [TemporalExpression]
    /// Events in time order.
    public var events: [TimelineEvent]
    public init(documents: [Document], actors: ActorAnalysis) {
        expressions = []
        events = []
    }
}
