using System.Text.Json;
using Attest.Evidence.Model;

namespace Attest.Evidence.Terraform.Evaluation;

/// <summary>
/// Reads Terraform into resources a rule can judge: a module's HCL source, evaluated as far as the code allows
/// (variables, locals, expressions, local modules), or a <c>terraform show -json</c> plan, which is exact.
/// </summary>
/// <remarks>Does no I/O: files are given as text, local modules through a callback. Never throws on odd input: problems are reported.</remarks>
public static class TerraformReader
{
    /// <summary>The framework name of every resource read here.</summary>
    public const string Framework = "terraform";

    /// <summary>Evaluates a Terraform module and the local modules it calls.</summary>
    /// <param name="files">The module's files, by file name (<c>main.tf</c>); <c>.tf</c> files are read, as are auto-loaded variable files
    /// (<c>terraform.tfvars</c>, <c>*.auto.tfvars</c>, and their <c>.json</c> forms); other files are ignored.</param>
    /// <param name="folder">The module's folder as it should appear in locations (<c>infra/prod</c>); file locations are <c>folder/file</c>.</param>
    /// <param name="tfvarsFiles">Further variable files, by name, as given with <c>-var-file</c>; they override auto-loaded ones.</param>
    /// <param name="loadLocalModule">
    /// Returns the files of a local module's folder, or null when it is absent. Its argument is the folder's path relative to
    /// <paramref name="folder"/>, with '/' separators and <c>.</c> and <c>..</c> resolved (<c>modules/bucket</c>, <c>../shared</c>),
    /// so that modules called from modules resolve too.
    /// </param>
    public static IacDocument ReadModule(
        IReadOnlyDictionary<string, string> files,
        string folder,
        IReadOnlyDictionary<string, string>? tfvarsFiles,
        Func<string, IReadOnlyDictionary<string, string>?> loadLocalModule)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(loadLocalModule);

        var display = NormalizeFolder(folder);
        var session = new Session(loadLocalModule);
        try
        {
            var parsed = ParseFiles(session, files, display);
            session.ParsedModules["."] = parsed;
            var variableFiles = ReadVariableFiles(session, files, tfvarsFiles, display);
            var root = new ModuleInstance(session, new Evaluator(session), parsed,
                new ModuleSetup("", ".", display, display, 0, ["."], null, variableFiles, null, false));
            root.ReadAll();
        }
        catch (Exception e) when (IsRecoverable(e))
        {
            session.Problem(new FileLocation(display, 1, 1), $"internal error while reading the module: {e.GetType().Name}: {e.Message}");
        }

        return new IacDocument(Framework, display, [.. session.Resources], [.. session.Problems]);
    }

    /// <summary>Reads the output of <c>terraform show -json</c> for a plan: the planned values of every resource, exact.</summary>
    /// <param name="planJson">The JSON text.</param>
    /// <param name="file">The name of the plan file, for locations.</param>
    public static IacDocument ReadPlan(string planJson, string file)
    {
        ArgumentNullException.ThrowIfNull(planJson);
        ArgumentNullException.ThrowIfNull(file);
        return PlanReader.Read(planJson, file);
    }

    internal static bool IsRecoverable(Exception e) => e is not (OutOfMemoryException or StackOverflowException or AccessViolationException);

    private static string NormalizeFolder(string folder)
    {
        var normalized = folder.Replace('\\', '/').TrimEnd('/');
        return normalized.Length == 0 ? (folder.StartsWith('/') ? "/" : ".") : normalized;
    }

    /// <summary>The files of a local module, parsed once per reading; null when the callback has no such folder.</summary>
    internal static IReadOnlyList<ConfigFile>? LoadModule(Session session, string relative, string display)
    {
        if (session.ParsedModules.TryGetValue(relative, out var cached))
        {
            return cached;
        }

        IReadOnlyDictionary<string, string>? files;
        try
        {
            files = session.LoadLocalModule(relative);
        }
        catch (Exception e) when (IsRecoverable(e))
        {
            session.Problem(new FileLocation(display, 1, 1), $"local module folder could not be read: {e.Message}");
            files = null;
        }

        var parsed = files is null ? null : ParseFiles(session, files, display);
        session.ParsedModules[relative] = parsed;
        return parsed;
    }

    private static List<ConfigFile> ParseFiles(Session session, IReadOnlyDictionary<string, string> files, string display)
    {
        var parsed = new List<ConfigFile>();
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var fileName = ModulePaths.File(display, name);
            if (name.EndsWith(".tf.json", StringComparison.OrdinalIgnoreCase))
            {
                session.Problem(new FileLocation(fileName, 1, 1), "JSON configuration syntax (.tf.json) is not read");
                continue;
            }

            if (!name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase) || text is null)
            {
                continue;
            }

            session.AddText(fileName, text);
            var result = HclParser.Parse(text, fileName);
            foreach (var diagnostic in result.Diagnostics.Take(Limits.MaxProblemsPerFile))
            {
                session.Problem(diagnostic.Range, "syntax error: " + diagnostic.Message);
            }

            parsed.Add(result.File);
        }

        return parsed;
    }

    private static bool IsAutoLoaded(string name) =>
        name is "terraform.tfvars" or "terraform.tfvars.json"
        || name.EndsWith(".auto.tfvars", StringComparison.Ordinal) || name.EndsWith(".auto.tfvars.json", StringComparison.Ordinal);

    // Terraform's order: terraform.tfvars, terraform.tfvars.json, *.auto.tfvars* by name, then -var-file files; later ones win.
    private static int LoadOrder(string name) => name switch
    {
        "terraform.tfvars" => 0,
        "terraform.tfvars.json" => 1,
        _ when IsAutoLoaded(name) => 2,
        _ => 3,
    };

    private static Dictionary<string, VariableFileValue> ReadVariableFiles(
        Session session,
        IReadOnlyDictionary<string, string> files,
        IReadOnlyDictionary<string, string>? extra,
        string display)
    {
        var values = new Dictionary<string, VariableFileValue>(StringComparer.Ordinal);
        var auto = files.Where(f => IsAutoLoaded(f.Key));
        var given = extra ?? new Dictionary<string, string>();
        foreach (var set in new[] { auto, given })
        {
            foreach (var (name, text) in set.OrderBy(f => LoadOrder(f.Key)).ThenBy(f => f.Key, StringComparer.Ordinal))
            {
                if (text is null)
                {
                    continue;
                }

                var fileName = ModulePaths.File(display, name);
                if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    ReadJsonVariables(session, text, fileName, values);
                    continue;
                }

                session.AddText(fileName, text);
                var result = HclParser.Parse(text, fileName);
                foreach (var diagnostic in result.Diagnostics.Take(Limits.MaxProblemsPerFile))
                {
                    session.Problem(diagnostic.Range, "syntax error: " + diagnostic.Message);
                }

                foreach (var attribute in result.File.Body.Attributes)
                {
                    values[attribute.Name] = new VariableFileValue(fileName, attribute.Expression, null);
                }
            }
        }

        return values;
    }

    private static void ReadJsonVariables(Session session, string text, string fileName, Dictionary<string, VariableFileValue> values)
    {
        try
        {
            using var document = JsonDocument.Parse(text, JsonValues.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                session.Problem(new FileLocation(fileName, 1, 1), "a .tfvars.json file must hold an object");
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = new VariableFileValue(fileName, null, JsonValues.FromJson(property.Value));
            }
        }
        catch (JsonException e)
        {
            session.Problem(new FileLocation(fileName, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), "invalid JSON: " + e.Message);
        }
    }
}
