using System.Text;
using Crosswalk.Content;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;
using SharpFuzz;

namespace Crosswalk.Fuzz;

/// <summary>
/// SharpFuzz targets for the parsers that read untrusted text. Both parsers promise never to throw, so any exception
/// that escapes is a finding; so is a diagnostic without a valid location.
/// <code>
/// crosswalk-fuzz frontmatter|expression                 AFL++ (afl-fuzz … -- dotnet crosswalk-fuzz.dll TARGET)
/// crosswalk-fuzz frontmatter|expression --libfuzzer     libFuzzer (libfuzzer-dotnet)
/// crosswalk-fuzz frontmatter|expression --run FILE…     replays inputs (seed corpus, crash files) without a fuzzer
/// </code>
/// </summary>
internal static class Program
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static int Main(string[] args)
    {
        if (args.Length == 0 || Target(args[0]) is not { } target)
        {
            Console.Error.WriteLine("usage: crosswalk-fuzz frontmatter|expression [--libfuzzer | --run FILE...]");
            return 2;
        }
        if (args.Length > 1 && args[1] == "--run")
        {
            var files = args.Skip(2).SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a).Order(StringComparer.Ordinal) : (IEnumerable<string>)[a]).ToList();
            foreach (var file in files)
            {
                target(File.ReadAllBytes(file));
            }
            Console.WriteLine($"{args[0]}: {files.Count} input(s), no finding");
            return 0;
        }
        if (args.Length > 1 && args[1] == "--libfuzzer")
        {
            Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
            return 0;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    }

    private static Action<byte[]>? Target(string name) => name switch
    {
        "frontmatter" => FrontMatter,
        "expression" => Expression,
        _ => null,
    };

    private static void FrontMatter(byte[] input)
    {
        var text = s_utf8.GetString(input);
        var bag = new DiagnosticBag();
        FrontMatterReader.Read(text, "content/fuzz.md", bag);
        foreach (var d in bag.ToSortedList())
        {
            if (d.Location is not { } l || l.File != "content/fuzz.md" || l.Line < 1 || l.Column < 1)
            {
                throw new InvalidOperationException($"badly located diagnostic: {d}");
            }
        }
    }

    private static readonly CatalogSet s_catalogs = CatalogSet.BuiltIn;

    private static void Expression(byte[] input)
    {
        var text = s_utf8.GetString(input);
        foreach (var id in new[] { "soc2-tsc-2017", "iso27001-2022" })
        {
            var result = ReferenceParser.Parse(text, s_catalogs.Get(id)!, s_catalogs);
            foreach (var p in result.Problems)
            {
                if (p.Start < 0 || p.Length < 0 || p.Start + p.Length > text.Length)
                {
                    throw new InvalidOperationException($"problem span {p.Start}+{p.Length} outside a text of {text.Length}");
                }
            }
        }
    }
}
