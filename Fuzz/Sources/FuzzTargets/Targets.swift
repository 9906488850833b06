import FuzzSupport

// The Swift side of each fuzz target: `Sources/Fuzz*/entry.c` forwards
// libFuzzer's `LLVMFuzzerTestOneInput` to one of these.

/// Markdown with front matter.
@_cdecl("polex_fuzz_front_matter")
public func fuzzFrontMatter(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    FuzzCheck.article(UnsafeRawBufferPointer(start: data, count: size), format: .markdown)
    return 0
}

/// A web page.
@_cdecl("polex_fuzz_html")
public func fuzzHTML(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    FuzzCheck.article(UnsafeRawBufferPointer(start: data, count: size), format: .html)
    return 0
}

/// The sentence splitter on any bytes.
@_cdecl("polex_fuzz_sentences")
public func fuzzSentences(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    FuzzCheck.sentences(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The temporal tagger (date expressions) on any bytes.
@_cdecl("polex_fuzz_dates")
public func fuzzDates(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    FuzzCheck.dates(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// The search query parser on any bytes.
@_cdecl("polex_fuzz_query")
public func fuzzQuery(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    FuzzCheck.query(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
