namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>What a window's result may be used for.</summary>
internal enum WindowRole
{
    /// <summary>Training window: the only results selection reads.</summary>
    Train,

    /// <summary>Walk-forward test window: reported out-of-sample, never read by selection.</summary>
    Test,

    /// <summary>Final hold-out: evaluated only for the hall of fame after the last generation.</summary>
    Holdout,
}
