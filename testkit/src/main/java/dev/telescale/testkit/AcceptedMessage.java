package dev.telescale.testkit;

/**
 * A message-sending call the flood limiter let through, for checking a sender's schedule.
 *
 * @param botId    the sending bot
 * @param chatId   the chat_id it named (0 when it named a chat by @username the emulator does not know)
 * @param method   the method, e.g. "sendMessage"
 * @param nanoTime when it was accepted, by {@link System#nanoTime()}
 */
public record AcceptedMessage(long botId, long chatId, String method, long nanoTime) {
}
