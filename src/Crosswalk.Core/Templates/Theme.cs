using System.Reflection;
using Crosswalk.Content;
using Crosswalk.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Crosswalk.Templates;

/// <summary>A theme file that is copied to the output as it is (CSS, JS, images).</summary>
/// <param name="RelativePath">Path under the theme's <c>assets/</c> folder, with <c>/</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record ThemeAsset(string RelativePath, byte[] Content);

/// <summary>
/// The templates of a build, each parsed once: the built-in theme, overlaid file by file with the site's
/// <c>templates/</c> folder. Includes resolve only to these templates, so they cannot leave the theme.
/// </summary>
public sealed class Theme : ITemplateLoader
{
    private const string BuiltInPrefix = "theme/";
    private readonly Dictionary<string, Template> _templates;
    private readonly Dictionary<string, string> _displayPaths;

    // Scriban's built-in functions, built once: creating them for every page was a measurable part of rendering.
    // Templates only read them; assignments go to the page's own globals.
    private readonly ScriptObject _builtins = BuiltinsWithThemeInclude();

    private static ScriptObject BuiltinsWithThemeInclude()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("include");
        builtins.SetValue("include", new ThemeInclude(), readOnly: true);
        // Shared by every page rendering in parallel: an assignment to one of them (string.x = ...) would leak into
        // other pages and race. Read-only, it is a template error at its line instead.
        foreach (var value in builtins.Values)
        {
            if (value is ScriptObject functions)
            {
                functions.IsReadOnly = true;
            }
        }
        builtins.IsReadOnly = true;
        return builtins;
    }

    private Theme(Dictionary<string, Template> templates, Dictionary<string, string> displayPaths, IReadOnlyList<ThemeAsset> assets)
    {
        _templates = templates;
        _displayPaths = displayPaths;
        Assets = assets;
        foreach (var template in templates.Values)
        {
            CollectNames(template.Page);
        }
        // Streaming is for the plain case only: the layout itself prints page.content, no partial touches it, no
        // template includes a layout or hands the page object on, and nothing reaches templates' text or the page
        // in ways the check cannot see (this[...], object.eval_template, wrap).
        var partials = templates.Where(t => !t.Key.StartsWith("layouts/", StringComparison.Ordinal)).Select(t => t.Value).ToList();
        var plain = !_opaque && !_pageHandedOn && !templates.Values.Any(t => MayIncludeLayout(t.Page)) && !partials.Any(t => MentionsContent(t.Page));
        _printsContentVerbatim = templates.Where(t => t.Key.StartsWith("layouts/", StringComparison.Ordinal)).ToDictionary(
            t => t.Key, t => plain && BodyMembers.All(m => OnlyPrints(t.Value.Page, m)), StringComparer.Ordinal);
        // The sidebar's HTML is printed by a partial: only printing it means so in every template, once per page (not
        // in a loop: Scriban's output limit counts what is printed), and every include (whose output is the
        // partial's) a statement of its own outside any capture, function or loop.
        var includesPrinted = !_opaque && !_pageHandedOn && !templates.Values.Any(t => IncludesAsValue(t.Page));
        _onlyPrinted = includesPrinted
            ? [.. TemplateVariables.Page.Where(v => v.Markup).Select(v => v.Name).Where(name => templates.Values.All(t => OnlyPrints(t.Page, name)))]
            : [];
    }

    // The markup variables (TemplateVariable.Markup) that every template only prints.
    private readonly HashSet<string> _onlyPrinted;

    /// <summary>
    /// True when templates use <c>page.<paramref name="member"/></c> only to print it, once, so its value cannot change
    /// what they do, only the bytes they write. Worked out for the variables declared as markup; false for others.
    /// </summary>
    public bool OnlyPrints(string member) => _onlyPrinted.Contains(member);

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _pageHandedOn;
    // A template uses this[...], object.eval / eval_template or wrap: what it reads or prints cannot be told from its text.
    private bool _opaque;

    /// <summary>
    /// False when no template can read the page model's member <paramref name="name"/>: no template names it and none
    /// hands the page object on. The renderer skips building what no template reads.
    /// </summary>
    public bool MayRead(string name) => _pageHandedOn || _opaque || _names.Contains(name);

    private void CollectNames(ScriptNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptVariable variable:
                _names.Add(variable.Name);
                _pageHandedOn |= variable is ScriptVariableGlobal { Name: "page" } && !IsMemberTarget(variable);
                _opaque |= variable.Name is "eval" or "eval_template";
                break;
            case ScriptThisExpression or ScriptWrapStatement:
                _opaque = true;
                break;
            case ScriptLiteral { Value: string text }:
                _names.Add(text);
                break;
        }
        foreach (var child in node.Children)
        {
            CollectNames(child);
        }
    }

    private static bool IsMemberTarget(ScriptNode node) => node.Parent is ScriptMemberExpression { Target: var target } && ReferenceEquals(target, node);

    private readonly Dictionary<string, bool> _printsContentVerbatim;

    /// <summary>
    /// True when the layout <paramref name="name"/> (e.g. <c>layouts/page.html</c>) uses <c>page.content</c> only to
    /// print it, <c>{{ page.content }}</c>, outside any capture, function or wrap, never hands the page object on, and
    /// no partial mentions <c>content</c>, no template includes a layout or uses <c>this</c>, <c>wrap</c> or
    /// <c>object.eval</c>: the body may then be written where it is printed without going through the template.
    /// </summary>
    public bool PrintsContentVerbatim(string name) => _printsContentVerbatim.GetValueOrDefault(name);

    /// <summary>The layout a page without <c>layout:</c> gets.</summary>
    public const string DefaultLayout = "page";

    /// <summary>The template of a layout: <c>layouts/NAME.html</c>, <see cref="DefaultLayout"/> when none is named.</summary>
    public static string LayoutPath(string? layout) => $"layouts/{layout ?? DefaultLayout}.html";


    private static bool OnlyPrints(ScriptNode? node, string name)
    {
        switch (node)
        {
            case null:
                return true;
            case ScriptMemberExpression member when member.Member?.Name == name
                && (member.Target is not ScriptVariableGlobal { Name: "page" } || member.Parent is not ScriptExpressionStatement || InsideCaptureOrFunction(member)
                    || (!BodyMembers.Contains(name) && HasAncestor(member, n => n is ScriptLoopStatementBase))):
            case ScriptLiteral { Value: string text } when text == name:
                return false;
            default:
                return node.Children.All(child => OnlyPrints(child, name));
        }
    }

    // An include whose output is a value (assigned, piped, tested) rather than printed, or printed many times.
    private static bool IncludesAsValue(ScriptNode? node) => node switch
    {
        null => false,
        ScriptFunctionCall { Target: ScriptVariable { Name: "include" } } call
            when call.Parent is not ScriptExpressionStatement || InsideCaptureOrFunction(call) || HasAncestor(call, n => n is ScriptLoopStatementBase) => true,
        _ => node.Children.Any(IncludesAsValue),
    };

    // The page variables that are the body or a part of it.
    private static readonly string[] BodyMembers = ["content", "content_title", "content_rest"];

    private static bool MentionsContent(ScriptNode? node) => node switch
    {
        null => false,
        ScriptVariable { Name: var name } when BodyMembers.Contains(name) => true,
        ScriptLiteral { Value: string text } when BodyMembers.Contains(text) => true,
        _ => node.Children.Any(MentionsContent),
    };

    private static bool MayIncludeLayout(ScriptNode? node) => node switch
    {
        null => false,
        ScriptFunctionCall { Target: ScriptVariable { Name: "include" } } call =>
            call.Arguments.Count == 0 || call.Arguments[0] is not ScriptLiteral { Value: string name } || name.TrimStart('/', '\\').StartsWith("layouts", StringComparison.Ordinal),
        _ => node.Children.Any(MayIncludeLayout),
    };

    private static bool InsideCaptureOrFunction(ScriptNode node) => HasAncestor(node, n => n is ScriptCaptureStatement or ScriptFunction or ScriptWrapStatement);

    private static bool HasAncestor(ScriptNode node, Func<ScriptNode, bool> test)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (test(n))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Static files of the theme, written under <c>assets/</c>.</summary>
    public IReadOnlyList<ThemeAsset> Assets { get; }

    /// <summary>The parsed template at <paramref name="name"/> (e.g. <c>layouts/page.html</c>), if any.</summary>
    public Template? Get(string name) => _templates.GetValueOrDefault(name);

    /// <summary>The path shown in diagnostics for a template name.</summary>
    public string DisplayPath(string name) => _displayPaths.GetValueOrDefault(name, name);

    /// <summary>
    /// Loads the built-in theme and overlays <paramref name="templatesDirectory"/> (when given). Parse errors are CW4001
    /// at the template's line and column.
    /// </summary>
    public static Theme Load(string? templatesDirectory, string rootDirectory, DiagnosticBag diagnostics)
    {
        var sources = new SortedDictionary<string, (byte[] Bytes, string Display)>(StringComparer.Ordinal);
        var assembly = typeof(Theme).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(BuiltInPrefix, StringComparison.Ordinal)))
        {
            var name = resource[BuiltInPrefix.Length..];
            sources[name] = (ReadResource(assembly, resource), "(built-in theme)/" + name);
        }
        if (templatesDirectory is not null)
        {
            if (!Directory.Exists(templatesDirectory))
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidConfig,
                    $"templates folder '{Discover.Relative(rootDirectory, templatesDirectory)}' does not exist", null);
            }
            else
            {
                foreach (var file in Directory.EnumerateFiles(templatesDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint }))
                {
                    var name = Discover.Relative(templatesDirectory, file);
                    if (name.Split('/').Any(p => p.StartsWith('.')))
                    {
                        continue;
                    }
                    sources[name] = (File.ReadAllBytes(file), Discover.Relative(rootDirectory, file));
                }
            }
        }

        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var displays = new Dictionary<string, string>(StringComparer.Ordinal);
        var assets = new List<ThemeAsset>();
        foreach (var (name, (bytes, display)) in sources)
        {
            if (name.StartsWith("assets/", StringComparison.Ordinal))
            {
                assets.Add(new ThemeAsset(name["assets/".Length..], bytes));
                continue;
            }
            if (!name.EndsWith(".html", StringComparison.Ordinal) && !name.EndsWith(".xml", StringComparison.Ordinal))
            {
                continue;
            }
            var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            var template = Template.Parse(text, name);
            displays[name] = display;
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Report(DiagnosticDescriptors.TemplateError, message.Message,
                        new SourceLocation(display, message.Span.Start.Line + 1, message.Span.Start.Column + 1));
                }
                continue;
            }
            templates[name] = template;
        }
        return new Theme(templates, displays, assets);
    }

    /// <summary>A fresh render context with the safety limits set and every template pre-cached for includes.</summary>
    private BudgetedContext CreateContext()
    {
        var context = new BudgetedContext(_builtins)
        {
            TemplateLoader = this,
            LoopLimit = 100_000,
            RecursiveLimit = 64,
            ObjectRecursionLimit = 64,
            // Generous enough for the largest page accepted (5 MiB of Markdown), small enough to stop a runaway string.
            LimitToString = 32 * 1024 * 1024,
            OutputLimit = 64 * 1024 * 1024,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            // A limit reached is an error at the template's line, never a silently truncated page.
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            // HTML is not indentation-sensitive, but <pre> is: a multi-line value (a page body with code blocks) is
            // printed as it is, never re-indented to the column its {{ }} stands at.
            AutoIndent = false,
            MemberRenamer = StandardMemberRenamer.Default,
        };
        CacheTemplates(context);
        return context;
    }

    private void CacheTemplates(TemplateContext context)
    {
        foreach (var (name, template) in _templates)
        {
            context.CachedTemplates[name] = template;
        }
    }

    // Scriban makes a context with an argument array for every arity a function may have (about 18 KB): made per page,
    // that was a tenth of what a 10,000-page build allocates. Each thread keeps the context its last render finished
    // with (a shared pool's lock was contended on every page); it holds on to its theme until the thread renders
    // with another.
    [ThreadStatic]
    private static BudgetedContext? t_idle;

    [ThreadStatic]
    private static Theme? t_idleTheme;

    /// <summary>A render context, reused when one is idle: give it back with <see cref="Return"/> once a render completed.</summary>
    internal BudgetedContext Rent()
    {
        if (t_idleTheme == this && t_idle is { } context)
        {
            t_idle = null;
            return context;
        }
        return CreateContext();
    }

    /// <summary>
    /// Takes back a context whose render completed: its globals and outputs beyond the builtins are dropped and its
    /// output-limit count restarts, so nothing of one page reaches the next. A render that threw is not returned (its
    /// stacks may be left unbalanced).
    /// </summary>
    internal void Return(BudgetedContext context)
    {
        context.Reset();
        CacheTemplates(context);
        (t_idle, t_idleTheme) = (context, this);
    }

    /// <summary>Maps an include name to a theme template; anything outside the theme is refused.</summary>
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.Replace('\\', '/').TrimStart('/');
        if (HasDotSegment(name) || Path.IsPathRooted(templateName) || !_templates.ContainsKey(name))
        {
            throw new ScriptRuntimeException(callerSpan, $"template '{templateName}' is not in the theme");
        }
        return name;
    }

    // Runs at every include of every page: segments are compared in place rather than split into strings.
    private static bool HasDotSegment(string name)
    {
        foreach (var range in name.AsSpan().Split('/'))
        {
            if (name.AsSpan(range) is "." or "..")
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"template '{templatePath}' is not in the theme");

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
