using System.CommandLine;
using Attest.Core.Applications;
using Attest.Core.Catalogs;
using Attest.Package.Spreadsheet;

namespace Attest.Cli;

/// <summary>
/// <c>attest workbook export FILE</c> writes an application into AWS's self-assessment workbook layout;
/// <c>attest workbook import FILE WORKBOOK</c> reads a filled workbook back into the application file's answers.
/// </summary>
internal sealed class WorkbookCommands(TextWriter output, TextWriter error, Func<string?, IReadOnlyList<Catalog>?> loadCatalogs)
{
    private const long MaxApplicationBytes = 10L * 1024 * 1024;

    public Command Build(Option<string?> catalogsOption)
    {
        var file = new Argument<string>("file") { Description = "The application file (format v1)" };
        var exportOut = new Option<string?>("--output", "-o") { Description = "Where to write the workbook (default: the file's name with .xlsx)" };
        var export = new Command("export", "Write the application into AWS's self-assessment workbook (practice, customer example and common requirement sheets)") { file, exportOut, catalogsOption };
        export.SetAction(r => Export(r.GetValue(file)!, r.GetValue(exportOut), r.GetValue(catalogsOption)));

        var importFile = new Argument<string>("file") { Description = "The application file whose answers the workbook fills" };
        var workbook = new Argument<string>("workbook") { Description = "The filled workbook (.xlsx)" };
        var importOut = new Option<string?>("--output", "-o") { Description = "Where to write the updated application (default: standard output; - too)" };
        var import = new Command("import", "Read a filled self-assessment workbook back into the application's answers (references mapped to the case studies by their order)") { importFile, workbook, importOut, catalogsOption };
        import.SetAction(r => Import(r.GetValue(importFile)!, r.GetValue(workbook)!, r.GetValue(importOut), r.GetValue(catalogsOption)));
        return new Command("workbook", "AWS's self-assessment workbook: export and import") { export, import };
    }

    private (Application? Application, Catalog? Catalog) Load(string path, string? catalogsFolder)
    {
        if (loadCatalogs(catalogsFolder) is not { } catalogs)
        {
            return (null, null);
        }

        var (text, readError) = InputFile.Read(path, MaxApplicationBytes);
        if (readError is not null)
        {
            error.WriteLine("attest: " + readError);
            return (null, null);
        }

        var (application, inputError) = ApplicationReader.Read(text!, path, catalogs);
        if (inputError is not null)
        {
            error.WriteLine("attest: " + inputError);
            return (null, null);
        }

        return (application, catalogs.First(c => c.Id == application!.Checklist));
    }

    private int Export(string path, string? target, string? catalogsFolder)
    {
        var (application, catalog) = Load(path, catalogsFolder);
        if (application is null)
        {
            return Cli.InputError;
        }

        var bytes = AwsWorkbook.Export(application, catalog!);
        var destination = target ?? Path.ChangeExtension(path, ".xlsx");
        try
        {
            File.WriteAllBytes(destination, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"attest: {destination}: {e.Message}");
            return Cli.InputError;
        }

        output.WriteLine($"{destination}: {AwsWorkbook.References(application).Count} customer reference(s), {catalog!.Items.Count} items");
        return 0;
    }

    private int Import(string path, string workbookPath, string? target, string? catalogsFolder)
    {
        var (application, catalog) = Load(path, catalogsFolder);
        if (application is null)
        {
            return Cli.InputError;
        }

        var (stream, openError) = InputFile.Open(workbookPath);
        if (stream is null)
        {
            error.WriteLine("attest: " + openError);
            return Cli.InputError;
        }

        Application? updated;
        IReadOnlyList<WorkbookError> errors;
        using (stream)
        {
            (updated, errors) = AwsWorkbook.Import(stream, application, catalog!);
        }

        if (updated is null)
        {
            foreach (var problem in errors)
            {
                error.WriteLine($"attest: {workbookPath}: {problem}");
            }

            return Cli.InputError;
        }

        var yaml = ApplicationWriter.Write(updated);
        if (target is null or "-")
        {
            output.Write(yaml);
            return 0;
        }

        try
        {
            File.WriteAllText(target, yaml);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"attest: {target}: {e.Message}");
            return Cli.InputError;
        }

        return 0;
    }
}
