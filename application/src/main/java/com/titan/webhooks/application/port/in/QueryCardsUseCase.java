package com.titan.webhooks.application.port.in;

import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import java.util.Optional;

/** Inbound port: read the user's cards. */
public interface QueryCardsUseCase {

    Page<Card> list(CardFilter filter, PageRequest page);

    Optional<Card> find(CardId id);
}
