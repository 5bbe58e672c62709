namespace Attest.Evidence.CloudTrail;

/// <summary>
/// The fields of one CloudTrail record that the analysis reads; everything else in the record is skipped.
/// One instance is reused for every record of a file, so that ordinary events cost no allocation beyond their strings.
/// </summary>
public sealed class TrailEvent
{
    /// <summary>When the call was made (UTC), or null when the record has no readable <c>eventTime</c>.</summary>
    public DateTime? Time { get; set; }

    /// <summary><c>eventSource</c>, e.g. <c>iam.amazonaws.com</c>.</summary>
    public string? Source { get; set; }

    /// <summary><c>eventName</c>, e.g. <c>CreateAccessKey</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>eventType</c>, e.g. <c>AwsApiCall</c>, <c>AwsConsoleSignIn</c>, <c>AwsServiceEvent</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>eventCategory</c>: <c>Management</c>, <c>Data</c> or <c>Insight</c>.</summary>
    public string? Category { get; set; }

    /// <summary><c>readOnly</c>, when the record states it.</summary>
    public bool? ReadOnly { get; set; }

    /// <summary><c>managementEvent</c>, when the record states it.</summary>
    public bool? Management { get; set; }

    /// <summary><c>sourceIPAddress</c>: an address, or a service name for calls AWS made on the caller's behalf.</summary>
    public string? SourceIp { get; set; }

    /// <summary><c>userAgent</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary><c>recipientAccountId</c>.</summary>
    public string? RecipientAccount { get; set; }

    /// <summary><c>errorCode</c>.</summary>
    public string? ErrorCode { get; set; }

    /// <summary><c>errorMessage</c>.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary><c>userIdentity.type</c>: <c>Root</c>, <c>IAMUser</c>, <c>AssumedRole</c>, <c>AWSService</c>…</summary>
    public string? IdentityType { get; set; }

    /// <summary><c>userIdentity.arn</c>.</summary>
    public string? IdentityArn { get; set; }

    /// <summary><c>userIdentity.accountId</c>.</summary>
    public string? IdentityAccount { get; set; }

    /// <summary><c>userIdentity.userName</c>.</summary>
    public string? IdentityUserName { get; set; }

    /// <summary><c>userIdentity.principalId</c>.</summary>
    public string? PrincipalId { get; set; }

    /// <summary><c>userIdentity.accessKeyId</c>.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary><c>userIdentity.invokedBy</c>: the AWS service that made the call for the principal.</summary>
    public string? InvokedBy { get; set; }

    /// <summary><c>userIdentity.sessionContext.attributes.mfaAuthenticated</c>.</summary>
    public bool? SessionMfa { get; set; }

    /// <summary><c>userIdentity.sessionContext.sessionIssuer.userName</c>: the role's name for an assumed role.</summary>
    public string? IssuerUserName { get; set; }

    /// <summary><c>userIdentity.sessionContext.sessionIssuer.arn</c>.</summary>
    public string? IssuerArn { get; set; }

    /// <summary><c>additionalEventData.MFAUsed</c> (<c>Yes</c>/<c>No</c>) of a console sign-in.</summary>
    public string? MfaUsed { get; set; }

    /// <summary><c>responseElements.ConsoleLogin</c> (<c>Success</c>/<c>Failure</c>) of a console sign-in.</summary>
    public string? ConsoleLoginResult { get; set; }

    /// <summary>Some value of <c>responseElements</c> is <c>Failure</c> (a failed sign-in step).</summary>
    public bool ResponseFailure { get; set; }

    /// <summary><c>sessionCredentialFromConsole</c>: the call came from a console session.</summary>
    public bool? FromConsole { get; set; }

    /// <summary><c>requestParameters.userName</c>: whose access key <c>CreateAccessKey</c> creates (absent: the caller's own).</summary>
    public string? RequestUserName { get; set; }

    /// <summary>Whether the fields only a root event needs were read (false on the fast path for a record that cannot be a root event).</summary>
    internal bool RootFields { get; set; } = true;

    /// <summary>The account the event belongs to: the recipient account, else the caller's.</summary>
    public string Account => RecipientAccount ?? IdentityAccount ?? "";

    /// <summary>Clears every field before the next record.</summary>
    public void Clear()
    {
        Time = null;
        Source = Name = Type = Category = SourceIp = UserAgent = RecipientAccount = ErrorCode = ErrorMessage = null;
        IdentityType = IdentityArn = IdentityAccount = IdentityUserName = PrincipalId = AccessKeyId = InvokedBy = null;
        IssuerUserName = IssuerArn = MfaUsed = ConsoleLoginResult = RequestUserName = null;
        ReadOnly = Management = SessionMfa = FromConsole = null;
        ResponseFailure = false;
    }
}
