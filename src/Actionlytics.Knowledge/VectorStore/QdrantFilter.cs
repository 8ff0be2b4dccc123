using System.Linq.Expressions;
using System.Text.Json.Nodes;

namespace Actionlytics.Knowledge.VectorStore;

/// <summary>
/// Translates the filters searches use into Qdrant's filter JSON: <c>&amp;&amp;</c> to <c>must</c>, <c>||</c> to <c>should</c>,
/// <c>list.Contains(value)</c> and <c>property == value</c> to a keyword <c>match</c>. Anything else is refused, never ignored.
/// </summary>
public static class QdrantFilter
{
    public static JsonObject? Translate(Expression<Func<ChunkRecord, bool>>? filter)
    {
        if (filter is null)
        {
            return null;
        }
        var condition = Visit(filter.Body, filter.Parameters[0]);
        return condition is null ? null : condition.ContainsKey("must") || condition.ContainsKey("should") ? condition : new JsonObject { ["must"] = new JsonArray(condition) };
    }

    private static JsonObject? Visit(Expression expression, ParameterExpression record)
    {
        switch (expression)
        {
            case ConstantExpression { Value: true }:
                return null;
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                return Combine("must", Visit(and.Left, record), Visit(and.Right, record));
            case BinaryExpression { NodeType: ExpressionType.OrElse } or:
                return Combine("should", Visit(or.Left, record), Visit(or.Right, record));
            case BinaryExpression { NodeType: ExpressionType.Equal } equal when FieldOf(equal.Left, record) is { } field:
                return Match(field, Evaluate(equal.Right));
            case MethodCallExpression { Method.Name: "Contains" } call when call.Object is not null && FieldOf(call.Object, record) is { } field:
                return Match(field, Evaluate(call.Arguments[0]));
            case MethodCallExpression { Method.Name: "Contains", Arguments.Count: 2 } call when FieldOf(call.Arguments[0], record) is { } field:
                return Match(field, Evaluate(call.Arguments[1]));
            case InvocationExpression { Expression: LambdaExpression lambda } invocation:
                // A composed filter: the inner lambda's parameter is the same record.
                return Visit(new Substitute(lambda.Parameters[0], invocation.Arguments[0]).Visit(lambda.Body), record);
            default:
                throw new NotSupportedException($"Qdrant filters support &&, ||, == and list.Contains on record fields, not: {expression}");
        }
    }

    private static JsonObject? Combine(string kind, JsonObject? left, JsonObject? right)
    {
        if (left is null || right is null)
        {
            return kind == "must" ? left ?? right : null; // "x or true" is true
        }
        var items = new JsonArray();
        foreach (var side in new[] { left, right })
        {
            if (side.Count == 1 && side[kind] is JsonArray same)
            {
                foreach (var item in same.ToList())
                {
                    same.Remove(item);
                    items.Add(item);
                }
            }
            else
            {
                items.Add(side);
            }
        }
        return new JsonObject { [kind] = items };
    }

    private static JsonObject Match(string field, object? value) => new()
    {
        ["key"] = field,
        ["match"] = new JsonObject { ["value"] = JsonValue.Create(value?.ToString()) },
    };

    private static string? FieldOf(Expression expression, ParameterExpression record) =>
        expression is MemberExpression { Expression: var owner } member && owner == record ? QdrantChunkCollection.PayloadName(member.Member.Name) : null;

    private static object? Evaluate(Expression expression) => Expression.Lambda(expression).Compile().DynamicInvoke();

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
