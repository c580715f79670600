using System.Xml.Linq;
using Api.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Accounts;

/// <summary>A data-protection key (cookies, bearer and refresh tokens are protected with it).</summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>
/// Keeps the key ring in PostgreSQL, so every API process reads the tokens and cookies the others issued: the API
/// stays stateless behind a load balancer, and a restart does not sign everyone out. The keys are stored encrypted
/// (<see cref="KeyRingEncryptor"/>); a key stored in clear by an earlier version is encrypted in place when first read.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceProvider services) : IXmlRepository
{
    private static readonly XNamespace Ns = "http://schemas.asp.net/2015/03/dataProtection";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApiDb>();
        try
        {
            var rows = db.DataProtectionKeys.ToList();
            foreach (var row in rows)
                if (EncryptInPlace(XElement.Parse(row.Xml)) is { } encrypted) row.Xml = encrypted.ToString(SaveOptions.DisableFormatting);
            if (db.ChangeTracker.HasChanges()) db.SaveChanges();
            return rows.Select(r => XElement.Parse(r.Xml)).ToList();
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            // Before the first migration (the key ring is read lazily, but be safe): no keys yet.
            return [];
        }
    }

    /// <summary>
    /// The key with every part marked <c>requiresEncryption</c> replaced by its encrypted form, as the data-protection system
    /// writes it (an <c>encryptedSecret</c> naming its decryptor); null when nothing was left in clear.
    /// </summary>
    private XElement? EncryptInPlace(XElement key)
    {
        var clear = key.Descendants().Where(e => (bool?)e.Attribute(Ns + "requiresEncryption") == true).ToList();
        if (clear.Count == 0) return null;
        var encryptor = services.GetRequiredService<KeyRingEncryptor>();
        foreach (var element in clear)
        {
            var encrypted = encryptor.Encrypt(new XElement(element));
            element.ReplaceWith(new XElement(Ns + "encryptedSecret", new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }
        return key;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApiDb>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionSetup
{
    /// <summary>The key ring in the database, encrypted with <see cref="KeyRingSecret"/> read from <paramref name="config"/>.</summary>
    public static IServiceCollection AddIsoDataProtection(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddDataProtection().SetApplicationName("iso-dien-tu");
        var secret = KeyRingSecret.From(config, contentRoot);
        services.AddSingleton(secret);
        services.AddSingleton<KeyRingEncryptor>();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
            new Microsoft.Extensions.Options.ConfigureNamedOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(
                Microsoft.Extensions.Options.Options.DefaultName, o =>
                {
                    o.XmlRepository = new DatabaseXmlRepository(sp);
                    o.XmlEncryptor = sp.GetRequiredService<KeyRingEncryptor>();
                }));
        return services;
    }
}
