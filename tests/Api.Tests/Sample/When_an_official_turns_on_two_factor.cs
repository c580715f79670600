using System.Net;
using System.Security.Cryptography;
using Api.Accounts;

namespace Api.Tests.Sample;

public sealed class When_an_official_turns_on_two_factor
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [Test]
    public async Task Should_need_the_authenticator_code_at_every_sign_in()
    {
        var deputy = await _api.As("stp.deputy");
        var setup = await (await deputy.GetAsync("/api/v1/me/two-factor")).Expect(HttpStatusCode.OK);
        var key = setup.GetProperty("sharedKey").GetString()!;
        setup.GetProperty("authenticatorUri").GetString()!.ShouldStartWith("otpauth://totp/");
        (await deputy.Post("/api/v1/me/two-factor/enable", new { code = "000000" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await deputy.Post("/api/v1/me/two-factor/enable", new { code = Totp(key) })).Expect(HttpStatusCode.OK);

        var anonymous = _api.Anonymous();
        var without = await (await anonymous.Post("/api/v1/auth/token", new { grantType = "password", userName = "stp.deputy", password = DemoAccounts.Password }))
            .Expect(HttpStatusCode.Unauthorized);
        without.GetProperty("code").GetString().ShouldBe("two-factor-required");
        await (await anonymous.Post("/api/v1/auth/token", new { grantType = "password", userName = "stp.deputy", password = DemoAccounts.Password, totpCode = Totp(key) }))
            .Expect(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_not_offer_two_factor_set_up_to_citizens()
    {
        (await (await _api.As(DemoAccounts.CitizenA)).GetAsync("/api/v1/me/two-factor")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>RFC 6238: HMAC-SHA1 of the 30-second step, 6 digits, as authenticator apps compute it.</summary>
    private static string Totp(string base32)
    {
        var key = Base32(base32);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; this is what the apps compute
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = value << 5 | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(value >> (bits - 8))); bits -= 8; }
        }
        return [.. bytes];
    }
}
