using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class UsItinRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new UsItinRecognizer();

    protected override string EntityType => EntityTypes.UsItin;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("ITIN 912-70-1234 on file", 5, 16),
        Hit("itin: 912 70 1234", "912 70 1234", 0.6, 0.6),
        Hit("taxpayer id 912701234", "912701234", 0.4, 0.4),
        Hit("(900-50-0001)", "900-50-0001"),
        Hit("W-7 approved: 965-65-4321.", "965-65-4321"),
        Hit("999-94-1234", "999-94-1234"),
        Hit("ITIN 901-92-5555", "901-92-5555"),
        Hits("950-88-1234 and 912-90-5678", "950-88-1234", "912-90-5678"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("SSN 536-22-1234"),
        None("Meeting on 2024-01-15"),
        None("Call (912) 701-2345"),
        None("Order #912701234"),
        None("amount 912-70-1234.50"),
        None("version 10.0.13"),
        None("912-70-12345"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("ITIN 912-49-1234"),
        None("ITIN 912-66-1234"),
        None("ITIN 912-69-1234"),
        None("ITIN 912-89-1234"),
        None("ITIN 912-93-1234"),
        None("ITIN 912-00-1234"),
        None("ITIN 812-70-1234"),
        None("ITIN 987-65-4321"),
        None("ITIN 987-65-4320"),
        None("ITIN 999-99-9999"),
        None("ITIN 912-70 1234"),
        None("ITIN 9127012345"),
    ];

    [Theory]
    [InlineData("900500000", true)]
    [InlineData("912650000", true)]
    [InlineData("912700000", true)]
    [InlineData("912880000", true)]
    [InlineData("912900000", true)]
    [InlineData("912920000", true)]
    [InlineData("912940000", true)]
    [InlineData("912990000", true)]
    [InlineData("987654330", true)]
    [InlineData("912490000", false)]
    [InlineData("912660000", false)]
    [InlineData("912690000", false)]
    [InlineData("912890000", false)]
    [InlineData("912930000", false)]
    [InlineData("987654329", false)]
    [InlineData("812700000", false)]
    public void IsValid_GroupRanges_FollowTheIrsTable(string digits, bool valid)
    {
        Assert.Equal(valid, UsItinRecognizer.IsValid(digits));
    }

    [Fact]
    public void IsValid_EveryNumberStartingWithNine_IsNoSsn()
    {
        // The two recognizers must never claim the same digits: US_SSN rejects area 900-999.
        Assert.False(UsSsnRecognizer.IsValid("912701234"));
        Assert.True(UsItinRecognizer.IsValid("912701234"));
        Assert.False(UsItinRecognizer.IsValid("536221234"));
    }
}
