package dev.telescale.examples;

import dev.telescale.api.types.ChatMember;
import dev.telescale.api.types.ChatMemberAdministrator;
import dev.telescale.api.types.ChatMemberBanned;
import dev.telescale.api.types.ChatMemberLeft;
import dev.telescale.api.types.ChatMemberMember;
import dev.telescale.api.types.ChatMemberOwner;
import dev.telescale.api.types.ChatMemberRestricted;
import dev.telescale.api.types.UnknownChatMember;
import dev.telescale.api.types.User;

/**
 * What every kind of {@link ChatMember} has in common but the generated sealed interface does not declare: the
 * member's user (PTB's {@code ChatMember.user}).
 */
final class ChatMembers {

    private ChatMembers() {
    }

    /** The user the membership is about. */
    static User user(ChatMember member) {
        return switch (member) {
            case ChatMemberOwner m -> m.user();
            case ChatMemberAdministrator m -> m.user();
            case ChatMemberMember m -> m.user();
            case ChatMemberRestricted m -> m.user();
            case ChatMemberLeft m -> m.user();
            case ChatMemberBanned m -> m.user();
            case UnknownChatMember m -> throw new IllegalArgumentException(
                    "A chat member of unknown status '" + m.status() + "' has no known user field");
        };
    }
}
