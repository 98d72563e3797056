using CsCheck;
using Crosswalk.Criteria;
using Crosswalk.Diagnostics;

namespace Crosswalk.Tests.Criteria;

public sealed class CatalogFileReaderTests
{
    private static readonly string Acme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "300-catalogs", "acme.yaml"));

    [Fact]
    public void Reads_a_valid_catalog_without_diagnostics()
    {
        // Given
        var bag = new DiagnosticBag();

        // When
        var result = CatalogFileReader.Read(Acme, "acme.yaml", "acme.yaml", bag);

        // Then
        Assert.Empty(bag.ToSortedList());
        var file = Assert.IsType<CatalogFile>(result);
        Assert.Equal(7, file.Catalog.Criteria.Count);
        Assert.Equal(new SourceLocation("acme.yaml", 3, 7), file.IdLocation);
    }

    [Fact]
    public void Never_throws_on_mutated_catalog_text_and_locates_every_problem()
    {
        // Given
        var alphabet = ":-[]{}'\"#&*!|>\n \t,?%@`abc1.";
        var gen = Gen.Select(Gen.Int[0, Acme.Length], Gen.Int[0, 1], Gen.Char[alphabet], Gen.Int[1, 8], (at, op, ch, n) => (at, op, ch, n))
            .Array[1, 5]
            .Select(ops =>
            {
                var s = Acme;
                foreach (var (at, op, ch, n) in ops)
                {
                    var pos = Math.Min(at, s.Length);
                    s = op == 0 ? s.Insert(pos, new string(ch, n)) : s.Remove(pos, Math.Min(n, s.Length - pos));
                }
                return s;
            });

        // When / Then
        gen.Sample(text =>
        {
            var bag = new DiagnosticBag();
            CatalogFileReader.Read(text, "acme.yaml", "acme.yaml", bag);
            foreach (var d in bag.ToSortedList())
            {
                Assert.Equal(DiagnosticCodes.InvalidCatalog, d.Code);
                Assert.Equal("acme.yaml", d.Location?.File);
                Assert.True(d.Location?.Line >= 1 && d.Location?.Column >= 1);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Never_throws_on_random_text()
    {
        // Given
        var gen = Gen.String;

        // When / Then
        gen.Sample(text =>
        {
            var bag = new DiagnosticBag();
            CatalogFileReader.Read(text, "x.yaml", "x.yaml", bag);
            Assert.All(bag.ToSortedList(), d => Assert.Equal(DiagnosticCodes.InvalidCatalog, d.Code));
        }, iter: 2000);
    }
}
