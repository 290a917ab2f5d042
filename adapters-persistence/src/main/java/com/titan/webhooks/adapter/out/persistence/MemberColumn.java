package com.titan.webhooks.adapter.out.persistence;

import java.util.List;

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

    /** The bound LIKE pattern that finds {@code member}, wildcards escaped (the SQL says ESCAPE '\'). */
    static String pattern(String member) {
        String escaped = member.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%|" + escaped + "|%";
    }
}
