package dev.telescale.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.core.job.JobOptions;
import dev.telescale.core.job.JobRecord;
import dev.telescale.core.job.Trigger;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * A {@link JobRecord} as the JSON kept in the job table's {@code task_data}: the callback name, the trigger, the
 * options and the paused state. The job's data must be plain JSON (strings, numbers, booleans, lists, maps); it is
 * read back as those types.
 */
final class JobJson {

    private final ObjectMapper mapper;

    JobJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The JSON of {@code job}, with its exact next run time: the table's {@code execution_time} column only indexes
     * it (SQLite keeps milliseconds, PostgreSQL microseconds), while the queue compares run times to the nanosecond.
     */
    String write(JobRecord job) {
        ObjectNode n = mapper.createObjectNode();
        n.put("callback", job.callbackName());
        n.set("trigger", trigger(job.trigger()));
        JobOptions o = job.options();
        ObjectNode opts = n.putObject("options");
        opts.put("name", job.name());
        if (o.data() != null) {
            try {
                opts.set("data", mapper.valueToTree(o.data()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("job '" + job.name() + "': its data (" + o.data().getClass().getName()
                        + ") cannot be stored as JSON in the job table: " + e.getMessage(), e);
            }
        }
        o.chatId().ifPresent(id -> opts.put("chatId", id));
        o.userId().ifPresent(id -> opts.put("userId", id));
        o.zone().ifPresent(z -> opts.put("zone", z.getId()));
        opts.put("misfireGrace", o.misfireGrace().toString());
        opts.put("coalesce", o.coalesce());
        opts.put("maxInstances", o.maxInstances());
        n.put("enabled", job.enabled());
        if (job.nextRunTime() != null) {
            n.put("nextRunTime", job.nextRunTime().toString());
        }
        return n.toString();
    }

    /** The record stored as {@code json} for job {@code id}. */
    JobRecord read(String id, String json) {
        try {
            JsonNode n = mapper.readTree(json);
            JsonNode o = n.get("options");
            JobOptions.Builder b = JobOptions.builder().name(o.get("name").asText());
            if (o.hasNonNull("data")) {
                b.data(mapper.treeToValue(o.get("data"), Object.class));
            }
            if (o.hasNonNull("chatId")) {
                b.chatId(o.get("chatId").asLong());
            }
            if (o.hasNonNull("userId")) {
                b.userId(o.get("userId").asLong());
            }
            if (o.hasNonNull("zone")) {
                b.zone(o.get("zone").asText());
            }
            b.misfireGrace(Duration.parse(o.get("misfireGrace").asText()));
            b.coalesce(o.get("coalesce").asBoolean());
            b.maxInstances(o.get("maxInstances").asInt());
            boolean enabled = n.get("enabled").asBoolean();
            Instant next = n.hasNonNull("nextRunTime") ? Instant.parse(n.get("nextRunTime").asText()) : null;
            String callback = n.hasNonNull("callback") ? n.get("callback").asText() : null;
            return new JobRecord(id, callback, trigger(n.get("trigger")), b.build(), enabled, next);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("job " + id + " in the job table cannot be read: " + e.getMessage(), e);
        }
    }

    private ObjectNode trigger(Trigger t) {
        ObjectNode n = mapper.createObjectNode();
        switch (t) {
            case Trigger.Once once -> n.put("type", "once").put("at", once.at().toString());
            case Trigger.Interval i -> {
                n.put("type", "interval").put("first", i.first().toString()).put("interval", i.interval().toString());
                if (i.last() != null) {
                    n.put("last", i.last().toString());
                }
            }
            case Trigger.Daily d -> {
                n.put("type", "daily").put("time", d.time().toString()).put("zone", d.zone().getId());
                ArrayNode days = n.putArray("days");
                d.days().forEach(day -> days.add(day.name()));
            }
            case Trigger.Monthly m -> n.put("type", "monthly").put("time", m.time().toString())
                    .put("day", m.dayOfMonth()).put("zone", m.zone().getId());
            case Trigger.Cron c -> n.put("type", "cron").put("expression", c.expression()).put("zone", c.zone().getId());
        }
        return n;
    }

    private static Trigger trigger(JsonNode n) {
        String type = n.get("type").asText();
        return switch (type) {
            case "once" -> new Trigger.Once(Instant.parse(n.get("at").asText()));
            case "interval" -> new Trigger.Interval(Instant.parse(n.get("first").asText()),
                    Duration.parse(n.get("interval").asText()),
                    n.hasNonNull("last") ? Instant.parse(n.get("last").asText()) : null);
            case "daily" -> {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                n.get("days").forEach(d -> days.add(DayOfWeek.valueOf(d.asText())));
                yield new Trigger.Daily(LocalTime.parse(n.get("time").asText()), days, ZoneId.of(n.get("zone").asText()));
            }
            case "monthly" -> new Trigger.Monthly(LocalTime.parse(n.get("time").asText()), n.get("day").asInt(),
                    ZoneId.of(n.get("zone").asText()));
            case "cron" -> new Trigger.Cron(n.get("expression").asText(), ZoneId.of(n.get("zone").asText()));
            default -> throw new IllegalArgumentException("unknown trigger type '" + type + "'");
        };
    }
}
