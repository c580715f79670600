using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace Procedures.Tests.Signatures;

/// <summary>
/// An RFC 3161 time-stamping authority for the tests, on real Kestrel: BouncyCastle's response generator signs with the test
/// PKI's time-stamping certificate and stamps <see cref="Time"/>. <see cref="Behaviour"/> makes it hang or answer garbage.
/// </summary>
public sealed class TestTimestampAuthority : IAsyncDisposable
{
    public enum Answer { Token, Hang, Garbage, WrongImprint }

    readonly WebApplication _app;
    readonly TimeStampResponseGenerator _generator;
    long _serial;

    TestTimestampAuthority(WebApplication app, X509Certificate2 certificate, X509Certificate2 authority)
    {
        _app = app;
        var parser = new X509CertificateParser();
        var own = parser.ReadCertificate(certificate.RawData);
        var tokens = new TimeStampTokenGenerator(DotNetUtilities.GetRsaKeyPair(certificate.GetRSAPrivateKey()!).Private, own,
            TspAlgorithms.Sha256, "1.2.3.4.1");
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { own, parser.ReadCertificate(authority.RawData) }));
        _generator = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed);
    }

    public string Url => _app.Urls.Single() + "/tsa";
    public DateTimeOffset Time { get; set; } = new(2026, 3, 10, 2, 30, 17, TimeSpan.Zero);
    public Answer Behaviour { get; set; } = Answer.Token;
    public int Stamped { get; private set; }

    public static async Task<TestTimestampAuthority> StartAsync(X509Certificate2 certificate, X509Certificate2 authority)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var tsa = new TestTimestampAuthority(builder.Build(), certificate, authority);
        tsa._app.MapPost("/tsa", tsa.HandleAsync);
        await tsa._app.StartAsync();
        return tsa;
    }

    async Task<IResult> HandleAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentType != "application/timestamp-query") return Results.StatusCode(415);
        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, ct);
        switch (Behaviour)
        {
            case Answer.Hang:
                await Task.Delay(Timeout.Infinite, ct);
                break;
            case Answer.Garbage:
                return Results.Bytes("not a time-stamp response"u8.ToArray(), "application/timestamp-reply");
        }
        var request = new TimeStampRequest(body.ToArray());
        if (Behaviour == Answer.WrongImprint)
        {
            var other = new TimeStampRequestGenerator();
            other.SetCertReq(true);
            request = other.Generate(TspAlgorithms.Sha256, new byte[32], request.Nonce);
        }
        var response = _generator.Generate(request, BigInteger.ValueOf(Interlocked.Increment(ref _serial)), Time.UtcDateTime);
        Stamped++;
        return Results.Bytes(response.GetEncoded(), "application/timestamp-reply");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
