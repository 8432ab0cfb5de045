import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

/** The problem responses (application/problem+json, Dutch) nearly every catalogue endpoint can give. */
export const ApiProblemResponses = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBadRequestResponse({ description: 'Ongeldige invoer (problem+json met per veld de Nederlandse melding).' }),
    ApiUnauthorizedResponse({ description: 'Niet aangemeld.' }),
    ApiForbiddenResponse({ description: 'Geen rol of geen toegang tot deze aanbieder.' }),
    ApiNotFoundResponse({ description: 'Niet gevonden.' }),
  );
