package dev.telescale.testkit.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.BotApiError;
import dev.telescale.testkit.StoredFile;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.ChatRoom;
import dev.telescale.testkit.state.UserAccount;
import java.util.Map;

/**
 * Methods about the bot itself, chats, members, files and commands: getMe, getChat, getChatMember,
 * getChatMemberCount, getFile, setMyCommands/getMyCommands/deleteMyCommands.
 */
final class ChatMethods {

    private ChatMethods() {
    }

    static void register(Map<String, MethodHandler> table) {
        table.put("getMe", call -> call.bot().user());
        table.put("getChat", ChatMethods::getChat);
        table.put("getChatMember", ChatMethods::getChatMember);
        table.put("getChatMemberCount", call -> IntNode.valueOf(memberCount(call.chat())));
        table.put("getFile", ChatMethods::getFile);
        table.put("setMyCommands", ChatMethods::setMyCommands);
        table.put("getMyCommands", call -> {
            JsonNode commands = call.bot().commands().get(commandsKey(call));
            return commands == null ? JsonNodeFactory.instance.arrayNode() : commands;
        });
        table.put("deleteMyCommands", call -> {
            call.bot().commands().remove(commandsKey(call));
            return BooleanNode.TRUE;
        });
    }

    private static JsonNode getChat(MethodCall call) {
        ChatRoom room = call.chat();
        ObjectNode info = room.chat().deepCopy();
        info.put("accent_color_id", 0);
        info.put("max_reaction_count", 11);
        info.putObject("accepted_gift_types").put("unlimited_gifts", true).put("limited_gifts", true)
                .put("unique_gifts", true).put("premium_subscription", true).put("gifts_from_channels", true);
        return info;
    }

    private static int memberCount(ChatRoom room) {
        return room.users().size() + room.bots().size();
    }

    private static JsonNode getChatMember(MethodCall call) {
        ChatRoom room = call.chat();
        long userId = call.requireLong("user_id");
        if (userId == call.bot().id()) {
            return Memberships.current(room, call.bot().user());
        }
        UserAccount user = call.world().userById(userId);
        if (user == null) {
            BotAccount bot = call.world().botById(userId);
            if (bot == null) {
                throw BotApiError.badRequest("member not found");
            }
            return Memberships.current(room, bot.user());
        }
        return Memberships.current(room, user.user());
    }

    private static JsonNode getFile(MethodCall call) {
        StoredFile file = call.world().files().byId(call.requireString("file_id"));
        if (file == null) {
            throw BotApiError.badRequest("invalid file_id");
        }
        return file.toFileJson();
    }

    private static JsonNode setMyCommands(MethodCall call) {
        JsonNode commands = call.json("commands");
        if (commands == null || !commands.isArray() || commands.size() > 100) {
            throw BotApiError.badRequest("commands must be an array of at most 100 BotCommand objects");
        }
        ArrayNode stored = JsonNodeFactory.instance.arrayNode();
        for (JsonNode command : commands) {
            String name = command.path("command").asText("");
            String description = command.path("description").asText("");
            if (name.isEmpty() || name.length() > 32 || description.isEmpty() || description.length() > 256) {
                throw BotApiError.badRequest("BOT_COMMAND_INVALID");
            }
            stored.addObject().put("command", name).put("description", description);
        }
        call.bot().commands().put(commandsKey(call), stored);
        return BooleanNode.TRUE;
    }

    private static String commandsKey(MethodCall call) {
        JsonNode scope = call.json("scope");
        String language = call.string("language_code");
        return (scope == null ? "{\"type\":\"default\"}" : scope.toString()) + "|" + (language == null ? "" : language);
    }
}
