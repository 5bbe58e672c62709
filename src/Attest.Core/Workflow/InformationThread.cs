namespace Attest.Core.Workflow;

/// <summary>Whether a message asks or answers.</summary>
public enum MessageKind
{
    /// <summary>The program office asks for more information.</summary>
    Request,

    /// <summary>The partner answers.</summary>
    Reply,
}

/// <summary>A file attached to a message: the id the storage layer gave it, its name and its SHA-256 (lower-case hex).</summary>
public sealed record AttachmentReference(string Id, string FileName, string Sha256);

/// <summary>One message of an application's information thread; the thread is kept for the life of the application.</summary>
public sealed record ThreadMessage
{
    /// <summary>Position in the thread, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>Request or reply.</summary>
    public required MessageKind Kind { get; init; }

    /// <summary>The author's user id.</summary>
    public required string AuthorId { get; init; }

    /// <summary>The author's name.</summary>
    public required string AuthorName { get; init; }

    /// <summary>The role they wrote in.</summary>
    public required Role Role { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The checklist items it points at.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Attached files.</summary>
    public IReadOnlyList<AttachmentReference> Attachments { get; init; } = [];
}

/// <summary>What someone writes in the thread: text, optional item ids, optional attachments.</summary>
public sealed record MessageDraft(string Text, IReadOnlyList<string>? Items = null, IReadOnlyList<AttachmentReference>? Attachments = null)
{
    /// <summary>The longest text accepted.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The most attachments per message.</summary>
    public const int MaxAttachments = 20;
}
