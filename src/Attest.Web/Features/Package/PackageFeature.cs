namespace Attest.Web.Features.Package;

/// <summary>Registers the submission package's builder.</summary>
public static class PackageFeature
{
    public static IServiceCollection AddPackageFeature(this IServiceCollection services) =>
        services.AddScoped<SubmissionPackages>();
}
