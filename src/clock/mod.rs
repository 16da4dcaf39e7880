//! The SLA clock: due times and open time over business calendars (§5).
