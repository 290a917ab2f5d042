package com.titan.webhooks.application.port.in;

import java.util.List;

/** Inbound port: how each provider is doing, for the operator. */
public interface QueryProvidersUseCase {

    List<ProviderStatus> providers();
}
