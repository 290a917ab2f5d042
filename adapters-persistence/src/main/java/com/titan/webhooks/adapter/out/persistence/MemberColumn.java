package com.titan.webhooks.adapter.out.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A list kept in one text column as {@code |a|b|} (a connection's tags, a contact's phone
 * digits), so that one member is found with a bound {@code LIKE '%|member|%'}, in both dialects.
 * A member never holds the separator: {@code \} is written {@code \\} and {@code |} {@code \!},
 * so that a tag {@code a|b} is not found by a filter for {@code a} or {@code b}. (Rows written
 * before this escaping differ only for members holding {@code |} or {@code \}, and are rewritten
 * on their aggregate's next change.)
 */
final class MemberColumn {

    private MemberColumn() {
    }

    static String of(List<String> members) {
        return members.isEmpty() ? "" : "|" + String.join("|", members.stream().map(MemberColumn::escaped).toList()) + "|";
    }

    static Set<String> members(String column) {
        return column == null || column.isEmpty() ? Set.of()
                : Set.copyOf(Arrays.asList(column.substring(1, column.length() - 1).split("\\|")));
    }

    /** The bound LIKE pattern that finds {@code member}, wildcards escaped (the SQL says ESCAPE '\'). */
    static String pattern(String member) {
        String like = escaped(member).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%|" + like + "|%";
    }

    private static String escaped(String member) {
        return member.replace("\\", "\\\\").replace("|", "\\!");
    }
}
