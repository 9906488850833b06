import Testing

@testable import Explorer

@Test func explorerModuleLinks() {
    #expect(ExplorerInfo.name.hasPrefix("polex"))
}
