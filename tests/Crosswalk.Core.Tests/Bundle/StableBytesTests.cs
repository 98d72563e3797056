using System.Text;
using Crosswalk.Bundle;

namespace Crosswalk.Core.Tests.Bundle;

public sealed class StableBytesTests
{
    [Fact]
    public void Random_subset_tags_and_xmp_ids_are_replaced_in_place_by_ones_that_follow_from_the_book()
    {
        var text = "/FontName/QWERTY+Liberation#20Sans/BaseFont/QWERTY+Liberation#20Sans /ASDFGH+Liberation#20Mono "
            + "<xmpMM:DocumentID>uuid:3027d94b-bb94-41a6-9804-fff0b0311c5c</xmpMM:DocumentID>"
            + "<xmpMM:InstanceID>uuid:758a2fa3-c12c-4e9d-974b-f3da43e2e3e2</xmpMM:InstanceID> abc+Liberation";
        var id = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var result = Encoding.ASCII.GetString(StableBytes.Apply(Encoding.ASCII.GetBytes(text), id));

        Assert.Equal(text.Length, result.Length);
        Assert.Equal("/FontName/CWAAAA+Liberation#20Sans/BaseFont/CWAAAA+Liberation#20Sans /CWAAAB+Liberation#20Mono "
            + "<xmpMM:DocumentID>uuid:04030201-0605-0807-090a-0b0c0d0e0f10</xmpMM:DocumentID>"
            + "<xmpMM:InstanceID>uuid:04030201-0605-0807-090a-0b0c0d0e0f10</xmpMM:InstanceID> abc+Liberation", result);
    }
}
