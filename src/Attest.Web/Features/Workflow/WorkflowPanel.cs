using Attest.Core.Text;
using Attest.Core.Workflow;

namespace Attest.Web.Features.Workflow;

/// <summary>What the dashboard shows of the workflow: the state, the due date, the history and the links to what this user may do now.</summary>
public sealed record WorkflowPanel(ApplicationWorkflow Workflow, DateOnly? AnswerDue, IReadOnlyList<(LocalizedString Text, string Href)> Links)
{
    /// <summary>The application's id, for the links to its versions' packages.</summary>
    public Guid Id { get; init; }

    /// <summary>The panel for <paramref name="actor"/>: a link for each step <see cref="ApplicationWorkflow.Allows"/> permits, and the pages they may read.</summary>
    public static WorkflowPanel For(Guid id, ApplicationWorkflow workflow, Actor actor, DateOnly? answerDue)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(actor);
        var links = new List<(LocalizedString, string)>();
        var app = $"/applications/{id}";
        bool May(WorkflowAction action) => workflow.Allows(action, actor);
        if (May(WorkflowAction.RequestReview) || May(WorkflowAction.CommentOnReview) || workflow.Reviews.Count > 0)
        {
            links.Add((Texts.Review, app + "/review"));
        }

        if (May(WorkflowAction.Submit))
        {
            links.Add((Texts.Submit, app + "/submit"));
        }

        if (May(WorkflowAction.Resubmit))
        {
            links.Add((Texts.Resubmit, app + "/submit"));
        }

        if (May(WorkflowAction.Reply) || (workflow.Thread.Count > 0 && actor.Role is not Role.Auditor))
        {
            links.Add((Texts.Thread, app + "/thread"));
        }

        if (actor.Role == Role.ProgramOffice)
        {
            links.Add((Texts.OfficeActions, app + "/office"));
        }

        if (May(WorkflowAction.StartAudit) || May(WorkflowAction.Score) || (actor.Role == Role.Auditor && workflow.Audit is not null))
        {
            links.Add((Texts.Scoring, $"/audits/{id}"));
        }

        if (workflow.Versions.Count > 0)
        {
            links.Add((Texts.Versions, app + "/versions"));
        }

        if (May(WorkflowAction.Withdraw))
        {
            links.Add((Texts.Withdraw, app + "/submit#withdraw"));
        }

        return new WorkflowPanel(workflow, answerDue, links) { Id = id };
    }
}
