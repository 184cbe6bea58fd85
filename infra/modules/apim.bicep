// API Management in front of the MCP servers, calling the edge (Functions) for every MCP request.
// - a v2 tier by default, running as a user-assigned identity (its Key Vault access and its Entra app
//   roles Edge.Exchange / Edge.Screen exist before the service does);
// - named values, the Functions key among them as a Key Vault-backed secret named value;
// - one API per MCP server (apim-mcp-server.bicep, policy infra/apim/mcp-api.xml) and one API that
//   serves their protected resource metadata (infra/apim/prm.xml) under /.well-known/;
// - optionally a custom domain, so that the MCP URLs can be identifier URIs of the edge app.

import { builtInRoles } from 'builtin-roles.bicep'
import { mcpServer } from 'types.bicep'

@description('Azure region of the service.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the API Management service (globally unique).')
param apimName string

@description('Pricing tier. v2 tiers (BasicV2, StandardV2) provision in minutes; rate-limit-by-key is not offered in Consumption.')
@allowed([
  'BasicV2'
  'StandardV2'
  'PremiumV2'
  'Developer'
  'Basic'
  'Standard'
  'Premium'
])
param skuName string = 'BasicV2'

@description('Scale units of the service.')
@minValue(1)
param skuCapacity int = 1

@description('E-mail address of the API publisher (required by API Management).')
param publisherEmail string

@description('Name of the API publisher organization.')
param publisherName string

@description('Resource id of API Management\'s user-assigned identity.')
param apimIdentityId string

@description('Client id of API Management\'s user-assigned identity.')
param apimIdentityClientId string

@description('Object (principal) id of API Management\'s user-assigned identity.')
param apimIdentityPrincipalId string

@description('Application (client) id of the edge app registration (the audience of user tokens and of APIM\'s own token).')
param edgeAppClientId string

@description('Primary identifier URI of the edge app, api://<appId>.')
param edgeIdentifierUri string

@description('Base URL of the edge (Function app), without a trailing slash.')
param edgeBaseUrl string

@description('Versionless Key Vault URI of the secret holding the Functions host key.')
param functionKeySecretUri string

@description('MCP servers to front; one API each.')
param mcpServers mcpServer[]

@description('Custom domain of the gateway (e.g. mcp.contoso.com), verified in the Entra tenant; empty: *.azure-api.net only.')
param customDomainHost string = ''

@description('Name of the certificate secret for the custom domain in the edge\'s Key Vault (imported before provisioning with the domain).')
param customDomainCertificateSecretName string = ''

@description('Name of the edge\'s Key Vault (holds the custom domain certificate, if any).')
param keyVaultName string

@description('Calls per user allowed in each rate-limit period.')
@minValue(1)
param rateLimitCalls int = 120

@description('Rate-limit period in seconds (APIM allows at most 300).')
@minValue(1)
@maxValue(300)
param rateLimitPeriodSeconds int = 60

@description('Timeout of each call APIM makes to the edge, in seconds.')
@minValue(1)
@maxValue(60)
param edgeTimeoutSeconds int = 10

@description('Timeout of a buffered MCP request to the backend until its response headers arrive, in seconds (APIM bounds the wait for headers; a response larger than the edge screens is withheld).')
@minValue(1)
@maxValue(240)
param backendTimeoutSeconds int = 120

@description('Timeout of an unscreened standalone GET stream (servers with allowUnscreenedStream only), in seconds.')
@minValue(1)
@maxValue(240)
param streamTimeoutSeconds int = 240

@description('Largest MCP request body APIM forwards, in bytes (kept equal to EDGE_MAX_BODY_BYTES).')
param maxBodyBytes int

var useCustomDomain = !empty(customDomainHost)
var useCertificateFromEdgeVault = useCustomDomain && !empty(customDomainCertificateSecretName)

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource customDomainCertificate 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = if (useCertificateFromEdgeVault) {
  parent: vault
  name: customDomainCertificateSecretName
}

// APIM reads the custom domain's certificate, and nothing else, from the edge's vault.
resource certificateReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useCertificateFromEdgeVault) {
  name: guid(vault.id, customDomainCertificateSecretName, apimIdentityPrincipalId, builtInRoles.keyVaultSecretsUser)
  scope: customDomainCertificate
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsUser)
    principalId: apimIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: apimName
  location: location
  tags: tags
  sku: {
    name: skuName
    capacity: skuCapacity
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${apimIdentityId}': {}
    }
  }
  properties: {
    publisherEmail: publisherEmail
    publisherName: publisherName
    publicNetworkAccess: 'Enabled'
    hostnameConfigurations: useCustomDomain
      ? [
          {
            type: 'Proxy'
            hostName: customDomainHost
            certificateSource: 'KeyVault'
            keyVaultId: '${vault.properties.vaultUri}secrets/${customDomainCertificateSecretName}'
            identityClientId: apimIdentityClientId
            defaultSslBinding: true
            negotiateClientCertificate: false
          }
        ]
      : null
  }
  dependsOn: [
    certificateReader
  ]
}

var publicBaseUrl = useCustomDomain ? 'https://${customDomainHost}' : apim.properties.gatewayUrl

// Named values used by the policies as double-brace references (test/infra checks that every one is here).
var plainNamedValues = {
  'edge-tenant-id': tenant().tenantId
  'edge-app-client-id': edgeAppClientId
  'edge-app-id-uri': edgeIdentifierUri
  'edge-mcp-scope': '${edgeIdentifierUri}/mcp.tools'
  'edge-base-url': edgeBaseUrl
  'apim-identity-client-id': apimIdentityClientId
  'entra-issuer': '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
}

var keyVaultNamedValues = {
  'edge-functions-key': functionKeySecretUri
}

resource plainValues 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = [
  for namedValue in items(plainNamedValues): {
    parent: apim
    name: namedValue.key
    properties: {
      displayName: namedValue.key
      value: namedValue.value
      secret: false
    }
  }
]

resource secretValues 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = [
  for namedValue in items(keyVaultNamedValues): {
    parent: apim
    name: namedValue.key
    properties: {
      displayName: namedValue.key
      secret: true
      keyVault: {
        secretIdentifier: namedValue.value
        identityClientId: apimIdentityClientId
      }
    }
  }
]

// Serves https://<gateway>/.well-known/oauth-protected-resource/<server id><path> (RFC 9728 path-suffixed form).
resource metadataApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'mcp-protected-resource-metadata'
  properties: {
    displayName: 'MCP protected resource metadata (RFC 9728)'
    path: '.well-known/oauth-protected-resource'
    protocols: [
      'https'
    ]
    subscriptionRequired: false
    type: 'http'
  }
}

// Values shared by every server's policy (tokens in infra/apim/*.xml).
var commonPolicyTokens = {
  __EDGE_TIMEOUT_SECONDS__: string(edgeTimeoutSeconds)
  __BACKEND_TIMEOUT_SECONDS__: string(backendTimeoutSeconds)
  __STREAM_TIMEOUT_SECONDS__: string(streamTimeoutSeconds)
  __RATE_LIMIT_CALLS__: string(rateLimitCalls)
  __RATE_LIMIT_PERIOD_SECONDS__: string(rateLimitPeriodSeconds)
  __MAX_BODY_BYTES__: string(maxBodyBytes)
}

module servers 'apim-mcp-server.bicep' = [
  for server in mcpServers: {
    name: 'apim-mcp-${server.id}'
    params: {
      apimName: apim.name
      metadataApiName: metadataApi.name
      server: server
      publicBaseUrl: publicBaseUrl
      commonPolicyTokens: commonPolicyTokens
    }
    dependsOn: [
      plainValues
      secretValues
    ]
  }
]

@description('Gateway URL of API Management (https://<name>.azure-api.net).')
output gatewayUrl string = apim.properties.gatewayUrl

@description('Public base URL of the MCP servers: the custom domain if set, else the gateway URL.')
output publicBaseUrl string = publicBaseUrl

@description('Name of the API Management service.')
output apimName string = apim.name
