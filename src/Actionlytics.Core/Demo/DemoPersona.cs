namespace Actionlytics.Core.Demo;

/// <summary>The behaviours the demo community is made of; each member follows one.</summary>
public enum DemoPersona
{
    /// <summary>Active most days, contributes a lot.</summary>
    Champion,

    /// <summary>A few days a week, every week.</summary>
    SteadyRegular,

    /// <summary>Was regular, comes less and less.</summary>
    Fading,

    /// <summary>Regular until one to two and a half months ago, then stopped.</summary>
    RecentlyLapsed,

    /// <summary>Active for a few months long ago, gone for four months or more.</summary>
    LongGone,

    /// <summary>Came once or twice after joining.</summary>
    OneTimer,

    /// <summary>Active in term time (autumn and late winter), quiet otherwise; quizzes and videos.</summary>
    SeasonalLearner,
}
