/// Closed word lists for discovery, surnames and quote attribution, as token
/// hashes. Kept short and general: they describe English news prose, not any
/// one topic.
enum WordLists {
    /// Words that are capitalised at the start of a sentence or in headlines but
    /// never name an actor by themselves.
    static let common: PackedKeySet = ByteText.hashes(
        """
        a an the this that these those there here whether it its it's he she his her him they them their we our us i you your \
        my me who whom whose which what when where why how while whilst if but and or nor so yet for of in on at to by \
        from with without into onto over under after before since until during about against between among through \
        as also although though because despite however meanwhile moreover furthermore nevertheless still then thus \
        instead indeed only even just both either neither each every all any some many much more most other others \
        such no not yes one two three four five six seven eight nine ten first second third last next new old \
        jan feb mar apr jun jul aug sep sept oct nov dec \
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july august \
        september october november december today yesterday tomorrow tonight morning evening week month year \
        officials analysts experts critics observers sources reports residents witnesses authorities lawmakers \
        diplomats protesters police troops soldiers people citizens leaders scientists researchers ministers members \
        according asked speaking writing read see photo image video watch share follow subscribe click sign senior junior \
        chapter section page part figure table note update updated editor editors
        """.split(separator: " ").map(String.init))

    /// Titles and role words that come before a person's name.
    static let titles: PackedKeySet = ByteText.hashes(
        """
        mr mrs ms miss dr prof professor sir dame lord president vice minister prime premier chancellor secretary \
        state foreign defence defense deputy chief chairman chairwoman chairperson chair leader general gen admiral \
        ambassador envoy spokesman spokeswoman spokesperson senator sen rep representative congressman congresswoman \
        governor mayor director commissioner adviser advisor national security king queen emperor empress \
        prince princess crown pope councillor counsellor commander lieutenant colonel col captain capt major \
        former acting interim late speaker justice judge official head ceo executive mp
        """.split(separator: " ").map(String.init))

    /// Titles that may stand a few words before the name they introduce
    /// (`the ambassador to Japan, William Hagerty`).
    static let appositiveTitles: PackedKeySet = ByteText.hashes(
        """
        ambassador envoy spokesman spokeswoman spokesperson minister secretary adviser advisor director chief \
        official president chairman chairwoman leader head commander representative negotiator
        """.split(separator: " ").map(String.init))

    /// Words that end (or begin) the name of an organisation.
    static let organizationWords: PackedKeySet = ByteText.hashes(
        """
        ministry agency council party committee organisation organization office institute assembly bank fund \
        forces army navy command association union commission university group company corporation corp inc ltd \
        service department court parliament congress senate news times post herald journal daily tribune \
        foundation center centre network federation society board authority bureau secretariat cabinet academy \
        guard police coalition front movement alliance programme program affairs
        """.split(separator: " ").map(String.init))

    /// Last words of capitalised phrases that name things, places or events,
    /// not actors (`Mutual Defense Treaty`, `Six-Party Talks`, `Korean Peninsula`).
    static let thingWords: PackedKeySet = ByteText.hashes(
        """
        treaty agreement agreements pact act law accord accords declaration statement communique talks summit \
        war crisis peninsula sea strait island islands zone desk relations policy strategy review report \
        initiative dialogue forum conference meeting day year era region area games olympics cup festival \
        plan doctrine order bill charter protocol convention resolution framework exercise exercises drills
        """.split(separator: " ").map(String.init))

    /// Joining words allowed inside a multi-word name (`Ministry of Foreign Affairs`).
    static let connectors: PackedKeySet = ByteText.hashes(["of", "for", "de"])

    /// Verbs that report speech; they mark a speaker (`X said`) and attribute quotes.
    static let speechVerbs: PackedKeySet = ByteText.hashes(
        """
        said says say told tells added adds stated noted stressed stresses insisted insists argued \
        argues explained explains declared declares announced announces wrote writes tweeted tweets replied \
        responded asked warned warns claimed acknowledged admitted confirmed urged urges \
        suggested commented remarked recalled
        """.split(separator: " ").map(String.init))

    /// Verbs used to recognise a speaker for discovery (`X said`, `said X`).
    static let saidCue: PackedKeySet = ByteText.hashes(
        ["said", "says", "told", "added", "stated", "noted", "stressed", "insisted", "argued", "explained", "tweeted"])

    /// Words that join clauses, which a speaker phrase never spans.
    static let clauseJoiners: PackedKeySet = ByteText.hashes(["and", "or", "but", "while", "as", "which", "who", "that"])

    static let determiners: PackedKeySet = ByteText.hashes(["the", "a", "an", "one"])

    static let he = ByteText.hash("he")
    static let she = ByteText.hash("she")
    static let that = ByteText.hash("that")
    static let s = ByteText.hash("s")
    static let t = ByteText.hash("t")
}
