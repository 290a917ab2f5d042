package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardActivity;
import com.titan.webhooks.domain.card.CardField;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A business card with its running totals and latest views and shares. */
public record CardResponse(String id, String name, String slug, String title, String company, String email,
                           String cardType, String createdAt, String updatedAt, long totalViews, long totalShares,
                           List<ActivityResponse> recentActivity, Instant deletedAt) implements AggregateResponse {

    static CardResponse from(Card card) {
        return new CardResponse(card.id().value(), field(card, CardField.NAME), field(card, CardField.SLUG),
                field(card, CardField.TITLE), field(card, CardField.COMPANY), field(card, CardField.EMAIL),
                field(card, CardField.CARD_TYPE), field(card, CardField.CREATED_AT), field(card, CardField.UPDATED_AT),
                card.totalViews(), card.totalShares(),
                card.recentActivity().stream().map(ActivityResponse::from).toList(), card.deletedAt().orElse(null));
    }

    private static String field(Card card, CardField field) {
        return card.field(field).orElse(null);
    }

    /** One view or share of the card. */
    public record ActivityResponse(String kind, String source, String country, String city, Instant at) {

        static ActivityResponse from(CardActivity activity) {
            return new ActivityResponse(activity.kind().name().toLowerCase(Locale.ROOT), activity.source(),
                    activity.country(), activity.city(), activity.at());
        }
    }
}
