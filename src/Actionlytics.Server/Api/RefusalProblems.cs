using Actionlytics.Core.Refusals;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Actionlytics.Server.Api;

/// <summary>
/// The HTTP side of the one refusal model: any <see cref="RefusalException"/> an endpoint lets through becomes an RFC 7807
/// problem with the status of its kind, so the same bad request gets the same answer from every endpoint. Nothing else
/// is caught here: an unexpected failure stays a 500 with its details in the log.
/// </summary>
public sealed class RefusalProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.InvalidInput => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string TitleOf(RefusalKind kind) => kind switch
    {
        RefusalKind.InvalidInput => "Invalid request",
        RefusalKind.NotFound => "Not found",
        RefusalKind.Forbidden => "Not allowed",
        RefusalKind.Conflict => "Conflicts with the current state",
        RefusalKind.Unavailable => "Unavailable for now",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The problem for a refusal, for the few places that answer it themselves (a stream already started).</summary>
    public static ProblemDetails ProblemOf(RefusalException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new ProblemDetails { Status = StatusOf(refusal.Kind), Title = TitleOf(refusal.Kind), Detail = refusal.Message, Extensions = { ["kind"] = KindName(refusal.Kind) } };
    }

    public static string KindName(RefusalKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not RefusalException refusal || httpContext.Response.HasStarted)
        {
            return false;
        }
        var problem = ProblemOf(refusal);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
