using Crosswalk.Pipeline;

namespace Crosswalk.Tests.Pipeline;

public sealed class BuildContextTests
{
    [Fact]
    public void Large_sites_start_at_thirty_thousand_pages()
    {
        // A large site's build packs bodies compact and collects once its claims are made.
        Assert.False(BuildContext.IsLargeSite(10_000));
        Assert.True(BuildContext.IsLargeSite(100_000));
        Assert.True(BuildContext.IsLargeSite(BuildContext.LargeSiteFromPages));
        Assert.False(BuildContext.IsLargeSite(BuildContext.LargeSiteFromPages - 1));
    }
}
