using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Crosswalk.Templates;

/// <summary>
/// Scriban's <c>include</c>, writing a partial where it stands instead of rendering it to a string first. A page
/// includes half a dozen partials, and each string (grown, copied out, then copied into the page) cost more than the
/// partial's own evaluation. Where the result is used as a value (<c>x = include 'p'</c>) or named arguments are
/// passed, Scriban's own include runs, so templates see no difference.
/// </summary>
internal sealed class ThemeInclude : IScriptCustomFunction
{
    private readonly IncludeFunction _scriban = new();

    public int RequiredParameterCount => _scriban.RequiredParameterCount;

    public int ParameterCount => _scriban.ParameterCount;

    public ScriptVarParamKind VarParamKind => _scriban.VarParamKind;

    public Type ReturnType => _scriban.ReturnType;

    public ScriptParameterInfo GetParameterInfo(int index) => _scriban.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count == 0 || callerContext is not ScriptFunctionCall { Parent: ScriptExpressionStatement } call
            || call.Arguments.Any(a => a is ScriptNamedArgument) || context.CurrentIndent is not null)
        {
            return _scriban.Invoke(context, callerContext, arguments, blockStatement);
        }
        if (context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), callerContext) is not { } path)
        {
            return null;
        }
        var template = context.GetOrCreateTemplate(path, callerContext);
        // What Scriban's include does around the partial, less the output it pushes: recursion limit, source file for
        // error locations, and the partial's own `$` arguments.
        context.EnterRecursive(callerContext);
        context.PushLocal();
        if (template.SourceFilePath is not null)
        {
            context.PushSourceFile(template.SourceFilePath);
        }
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
            if (template.Page is { } page && context.Evaluate(page) is { } result && context.EnableOutput)
            {
                context.Write(page.Span, result);
            }
            return null;
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                context.PopSourceFile();
            }
            context.PopLocal();
            context.ExitRecursive(callerContext);
        }
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
