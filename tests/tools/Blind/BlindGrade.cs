namespace Actionlytics.Tests.Tools.Blind;

/// <summary>How one answer fared: the figure asked, an honest "I did not understand", or a figure for another question.</summary>
public enum BlindGrade
{
    Right,
    Refusal,
    Wrong,
}
