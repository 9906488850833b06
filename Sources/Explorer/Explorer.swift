import PolicyIndex
import TextUI

/// Placeholder for the explorer app logic.
public enum ExplorerInfo {
    public static let name = "polex explorer"
}
