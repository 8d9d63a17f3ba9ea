package dev.telescale.testkit.fault;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The faults waiting to be applied to the next requests: {@code emulator.faults().next(2, "sendMessage").answer(502,
 * "Bad Gateway")}. Rules apply in the order they were added; each request to a bot method consumes at most one
 * rule use (the first rule matching its method). Requests that fail before reaching a method (unknown token,
 * unknown method, undecodable body) consume none.
 */
public final class FaultPlan {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Rule> rules = new ArrayList<>();
    private volatile boolean empty = true;

    /** Faults for the next {@code times} requests to any method. */
    public FaultSpec next(int times) {
        return new FaultSpec(this, times, null);
    }

    /** Faults for the next {@code times} requests to {@code method} (matched ignoring case). */
    public FaultSpec next(int times, String method) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("A fault's method name must not be empty");
        }
        return new FaultSpec(this, times, method);
    }

    /** A fault for the next request to any method. */
    public FaultSpec nextRequest() {
        return next(1);
    }

    /** Removes all rules not used up yet. */
    public void clear() {
        lock.lock();
        try {
            rules.clear();
            empty = true;
        } finally {
            lock.unlock();
        }
    }

    /** How many fault uses are left across all rules. */
    public int remaining() {
        lock.lock();
        try {
            int sum = 0;
            for (Rule rule : rules) {
                sum += rule.remaining;
            }
            return sum;
        } finally {
            lock.unlock();
        }
    }

    void add(int times, String method, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("A fault must apply to at least one request, got " + times);
        }
        lock.lock();
        try {
            rules.add(new Rule(method == null ? null : method.toLowerCase(Locale.ROOT), fault, times));
            empty = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes one use of the first rule matching {@code method}; called by the emulator for every method request.
     *
     * @return the fault to apply, or null
     */
    public Fault take(String method) {
        if (empty) {
            return null;
        }
        lock.lock();
        try {
            for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
                Rule rule = it.next();
                if (rule.method == null || rule.method.equalsIgnoreCase(method)) {
                    if (--rule.remaining == 0) {
                        it.remove();
                    }
                    empty = rules.isEmpty();
                    return rule.fault;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private static final class Rule {
        final String method;
        final Fault fault;
        int remaining;

        Rule(String method, Fault fault, int remaining) {
            this.method = method;
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
