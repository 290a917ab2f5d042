package com.titan.webhooks.adapter.out.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A list kept in one text column as {@code |a|b|} (a connection's tags, a contact's phone
 * digits), so that one member is found with a bound {@code LIKE '%|member|%'}, in both dialects.
 */
final class MemberColumn {

    private MemberColumn() {
    }

    static String of(List<String> members) {
        return members.isEmpty() ? "" : "|" + String.join("|", members) + "|";
    }

    static Set<String> members(String column) {
        return column == null || column.isEmpty() ? Set.of()
                : Set.copyOf(Arrays.asList(column.substring(1, column.length() - 1).split("\\|")));
    }

    /** The bound LIKE pattern that finds {@code member}, wildcards escaped (the SQL says ESCAPE '\'). */
    static String pattern(String member) {
        String escaped = member.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%|" + escaped + "|%";
    }
}
