namespace Begroting.Readers.Html;

/// <summary>The labels of the WHATWG Encoding Standard, each with the encoding it names, and the Windows code page that decodes it here.</summary>
/// <remarks>
/// A browser knows an encoding only by these labels (https://encoding.spec.whatwg.org/#names-and-labels): 'utf-7', 'utf-32'
/// or 'cp037' are no labels, though .NET knows some of them, so a page declaring them is read as if it declared nothing.
/// 'iso-8859-1' and 'us-ascii' name windows-1252, as in every browser.
/// </remarks>
internal static class EncodingLabels
{
    private static readonly (string Name, int? CodePage, string[] Labels)[] Table =
    [
        ("UTF-8", 65001, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        ("IBM866", 866, ["866", "cp866", "csibm866", "ibm866"]),
        ("ISO-8859-2", 28592, ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"]),
        ("ISO-8859-3", 28593, ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"]),
        ("ISO-8859-4", 28594, ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"]),
        ("ISO-8859-5", 28595, ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"]),
        ("ISO-8859-6", 28596, ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"]),
        ("ISO-8859-7", 28597, ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"]),
        ("ISO-8859-8", 28598, ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual"]),
        ("ISO-8859-8-I", 38598, ["csiso88598i", "iso-8859-8-i", "logical"]),
        ("ISO-8859-10", null, ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"]),
        ("ISO-8859-13", 28603, ["iso-8859-13", "iso8859-13", "iso885913"]),
        ("ISO-8859-14", null, ["iso-8859-14", "iso8859-14", "iso885914"]),
        ("ISO-8859-15", 28605, ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
        ("ISO-8859-16", null, ["iso-8859-16"]),
        ("KOI8-R", 20866, ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        ("KOI8-U", 21866, ["koi8-ru", "koi8-u"]),
        ("macintosh", 10000, ["csmacintosh", "mac", "macintosh", "x-mac-roman"]),
        ("windows-874", 874, ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]),
        ("windows-1250", 1250, ["cp1250", "windows-1250", "x-cp1250"]),
        ("windows-1251", 1251, ["cp1251", "windows-1251", "x-cp1251"]),
        ("windows-1252", 1252, ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252"]),
        ("windows-1253", 1253, ["cp1253", "windows-1253", "x-cp1253"]),
        ("windows-1254", 1254, ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"]),
        ("windows-1255", 1255, ["cp1255", "windows-1255", "x-cp1255"]),
        ("windows-1256", 1256, ["cp1256", "windows-1256", "x-cp1256"]),
        ("windows-1257", 1257, ["cp1257", "windows-1257", "x-cp1257"]),
        ("windows-1258", 1258, ["cp1258", "windows-1258", "x-cp1258"]),
        ("x-mac-cyrillic", 10007, ["x-mac-cyrillic", "x-mac-ukrainian"]),
        ("GBK", 936, ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"]),
        ("gb18030", 54936, ["gb18030"]),
        ("Big5", 950, ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ("EUC-JP", 51932, ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        ("ISO-2022-JP", 50220, ["csiso2022jp", "iso-2022-jp"]),
        ("Shift_JIS", 932, ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]),
        ("EUC-KR", 949, ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"]),
        ("replacement", null, ["csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"]),
        ("UTF-16BE", 1201, ["unicodefffe", "utf-16be"]),
        ("UTF-16LE", 1200, ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]),
        ("x-user-defined", null, ["x-user-defined"]),
    ];

    private static readonly Dictionary<string, (string Name, int? CodePage)> ByLabel =
        Table.SelectMany(e => e.Labels.Select(l => (Label: l, e.Name, e.CodePage))).ToDictionary(e => e.Label, e => (e.Name, e.CodePage), StringComparer.OrdinalIgnoreCase);

    /// <summary>The encoding a label names, with the code page that decodes it (null where .NET has none), or null for no label of the standard.</summary>
    public static (string Name, int? CodePage)? Find(string label) => ByLabel.TryGetValue(label.Trim(), out var found) ? found : null;
}
