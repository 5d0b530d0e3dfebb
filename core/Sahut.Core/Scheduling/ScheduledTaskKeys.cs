using Quartz;

namespace Sahut.Scheduling;

/// <summary>Where a plugin task lives in Quartz: one durable dispatcher job and one cron trigger per task key.</summary>
public static class ScheduledTaskKeys
{
    public const string Group = "sahut-tasks";

    public const string TaskKeyData = "taskKey";

    public static JobKey Job(string taskKey) => new(taskKey, Group);

    public static TriggerKey Trigger(string taskKey) => new(taskKey, Group);
}
