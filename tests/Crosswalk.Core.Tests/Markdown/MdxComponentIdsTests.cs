using Crosswalk.Markdown;
using Crosswalk.Markdown.Slugs;

namespace Crosswalk.Tests.Markdown;

public sealed class MdxComponentIdsTests
{
    [Fact]
    public void Titled_and_named_components_are_anchors_by_the_sites_heading_rule()
    {
        const string mdx = """
            <AccordionGroup>
              <Accordion title="OAuth 2.0">x</Accordion>
              <Accordion title="Own" id="custom-id">y</Accordion>
            </AccordionGroup>
            <Tab title='All supported languages'>z</Tab>
            <ResponseField name="navigation.global.languages" type="array">w</ResponseField>
            <Card title="Not an anchor" href="/x" />
            """;
        var ids = MdxComponentIds.Of(mdx, MarkdownPipelineFactory.Create(SlugRule.Mintlify)).ToList();
        Assert.Equal(["oauth-2-0", "custom-id", "all-supported-languages", "navigation-global-languages"], ids);
    }
}
