// EMERGENCY_SHUTDOWN: stop all trading when today's loss exceeds daily_loss_threshold or the weekly loss exceeds
// weekly_loss_threshold (P&L are fractions of capital, losses negative).
var daily = Context.Threshold("daily_loss_threshold");
var weekly = Context.Threshold("weekly_loss_threshold");
var r = Context.Risk;
if (-r.DailyPnl > daily)
    return Decide.Shutdown(true, 0.97, $"daily loss {-r.DailyPnl:P2} exceeds {daily:P2}", Urgency.Critical, ("daily_pnl", r.DailyPnl), ("weekly_pnl", r.WeeklyPnl));
if (-r.WeeklyPnl > weekly)
    return Decide.Shutdown(true, 0.95, $"weekly loss {-r.WeeklyPnl:P2} exceeds {weekly:P2}", Urgency.Critical, ("daily_pnl", r.DailyPnl), ("weekly_pnl", r.WeeklyPnl));
var nearDaily = -r.DailyPnl > 0.8 * daily;
return Decide.Shutdown(false, nearDaily ? 0.8 : 0.96,
    $"daily {r.DailyPnl:P2} and weekly {r.WeeklyPnl:P2} within limits {daily:P2}/{weekly:P2}" + (nearDaily ? " (daily loss near its limit)" : ""),
    nearDaily ? Urgency.High : Urgency.Low, ("daily_pnl", r.DailyPnl), ("weekly_pnl", r.WeeklyPnl));
