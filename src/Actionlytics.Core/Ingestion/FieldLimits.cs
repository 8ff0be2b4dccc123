namespace Actionlytics.Core.Ingestion;

/// <summary>Size limits on imported fields, so one bad export cannot bloat the store.</summary>
public static class FieldLimits
{
    public const int IdentifierChars = 128;
    public const int ContentIdChars = 256;
    public const int ChannelChars = 64;
    public const int DisplayNameChars = 200;
    public const int EmailChars = 320;
    public const int ExtrasJsonChars = 8 * 1024;
}
