// The edge: an Azure Functions app (Node 22, Flex Consumption) running as a user-assigned identity.
// - functionAppConfig: identity-based deployment storage, Node 22 runtime, scale limits;
// - AzureWebJobsStorage__* identity settings (shared-key access is disabled on the account);
// - every setting the edge's configuration module reads on Azure, in ONE object (edgeAppSettings)
//   that test/infra/bicep.test.ts compares with the configuration module and the README table.

import { mcpServer } from 'types.bicep'

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to every resource (the app also gets azd-service-name).')
param tags object

@description('Name of the azd service in azure.yaml; azd deploys to the resource tagged with it.')
param azdServiceName string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function app.')
param functionAppName string

@description('Resource id of the Function app\'s user-assigned identity.')
param functionIdentityId string

@description('Client id of the Function app\'s user-assigned identity (AZURE_CLIENT_ID).')
param functionIdentityClientId string

@description('Name of the storage account (host storage, deployment package, tables).')
param storageAccountName string

@description('Blob endpoint of the storage account, with a trailing slash.')
param storageBlobEndpoint string

@description('Name of the deployment package container.')
param deploymentContainerName string

@description('Table endpoint of the storage account (EDGE_TABLES_ENDPOINT).')
param tablesEndpoint string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('URL of the Key Vault (KEY_VAULT_URL).')
param keyVaultUrl string

@description('Name of the Key Vault secret that holds the edge\'s signing key (EDGE_SIGNING_KEY_SECRET).')
param signingKeySecretName string

@description('Endpoint of the Content Safety account (CONTENT_SAFETY_ENDPOINT).')
param contentSafetyEndpoint string

@description('Application (client) id of the edge app registration (EDGE_APP_CLIENT_ID).')
param edgeAppClientId string

@description('Client id of API Management\'s identity: the only requester allowed to exchange tokens for the MCP servers below.')
param apimIdentityClientId string

@description('MCP servers behind APIM; each becomes an entry of EDGE_RESOURCES (mode mint).')
param mcpServers mcpServer[]

@description('Extra EDGE_RESOURCES entries (e.g. OBO resources), merged over the generated ones.')
param edgeResources object = {}

@description('Comma-separated extra trusted OIDC issuers (EDGE_TRUSTED_ISSUERS); empty: only the Entra tenant.')
param trustedIssuers string = ''

@description('Comma-separated issuers whose app roles are honoured (EDGE_ROLE_ISSUERS); empty: the tenant\'s issuers.')
param roleIssuers string = ''

@description('Largest request body the edge accepts, in bytes (EDGE_MAX_BODY_BYTES).')
param maxBodyBytes int

@description('Screening verdict policy (EDGE_SCREEN_POLICY); empty: the edge\'s documented default.')
param screenPolicy string = ''

@description('What screening does when Content Safety does not answer (EDGE_SCREEN_FAIL_MODE).')
@allowed([
  'closed'
  'local-fallback'
])
param screenFailMode string = 'closed'

@description('Deadline of the Content Safety calls of one screening, in milliseconds (EDGE_SCREEN_DEADLINE_MS).')
param screenDeadlineMs int = 2000

@description('Most documents or JSON-RPC messages in one screening request (EDGE_SCREEN_MAX_DOCUMENTS).')
param screenMaxDocuments int = 100

@description('Comma-separated Content Safety harm categories to analyze as well: Hate, SelfHarm, Sexual, Violence (EDGE_SCREEN_HARM_CATEGORIES); empty: none.')
param screenHarmCategories string = ''

@description('Comma-separated hosts Markdown images and links may point to without an exfiltration finding (EDGE_SCREEN_ALLOWED_HOSTS).')
param screenAllowedHosts string = ''

@description('Idle timeout of an edge session, in seconds (EDGE_SESSION_IDLE_SECONDS).')
param sessionIdleSeconds int

@description('Absolute lifetime of an edge session, in seconds (EDGE_SESSION_LIFETIME_SECONDS).')
param sessionLifetimeSeconds int

@description('Maximum active sessions per user (EDGE_SESSION_MAX_PER_USER).')
param sessionMaxPerUser int

@description('A validated session\'s idle expiry is written at most once per this many seconds (EDGE_SESSION_SLIDE_INTERVAL_SECONDS).')
param sessionSlideIntervalSeconds int

@description('Seconds a rotated-away session id stays valid for in-flight requests (EDGE_SESSION_ROTATE_GRACE_SECONDS).')
param sessionRotateGraceSeconds int

@description('Audit output level on stdout (EDGE_LOG_LEVEL); audit events go to Application Insights either way.')
@allowed([
  'info'
  'silent'
])
param logLevel string = 'info'

@description('Lifetime of a token the edge mints for an MCP server, in seconds.')
param mintedTokenTtlSeconds int = 300

@description('Maximum number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, {
    'azd-service-name': azdServiceName
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${functionIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: functionIdentityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: functionIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

// One EDGE_RESOURCES entry per MCP server: the edge mints a short-lived token whose audience is the
// server, only for API Management's identity (allowedRequesters), only for users holding mcp.tools.
var generatedResources = toObject(
  mcpServers,
  server => '${server.baseUrl}${server.path}',
  server => {
    mode: 'mint'
    scopes: server.?scopes ?? [
      'mcp.tools'
    ]
    defaultScopes: server.?scopes ?? [
      'mcp.tools'
    ]
    requiredInboundScopes: [
      'mcp.tools'
    ]
    allowedClients: []
    allowedRequesters: [
      apimIdentityClientId
    ]
    requesterIds: []
    allowedDownstream: []
    ttlSeconds: mintedTokenTtlSeconds
  }
)

var publicUrl = 'https://${functionApp.properties.defaultHostName}'

// Platform settings: identity-based host storage. Not read by the edge's configuration module.
var platformAppSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: functionIdentityClientId
}

// Every setting the edge reads on Azure. Names must match shared/config (checked by test/infra).
// No value here is a secret: the edge reads its signing key from Key Vault with its identity, and
// the App Insights connection string is not a credential (local auth is disabled on the component).
var edgeAppSettings = {
  AZURE_TENANT_ID: tenant().tenantId
  AZURE_CLIENT_ID: functionIdentityClientId
  EDGE_APP_CLIENT_ID: edgeAppClientId
  EDGE_PUBLIC_URL: publicUrl
  EDGE_TRUSTED_ISSUERS: trustedIssuers
  EDGE_ROLE_ISSUERS: roleIssuers
  EDGE_AUDIENCES: 'api://${edgeAppClientId},${edgeAppClientId}'
  EDGE_RESOURCES: string(union(generatedResources, edgeResources))
  EDGE_TABLES_ENDPOINT: tablesEndpoint
  CONTENT_SAFETY_ENDPOINT: contentSafetyEndpoint
  KEY_VAULT_URL: keyVaultUrl
  EDGE_SIGNING_KEY_SECRET: signingKeySecretName
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${functionIdentityClientId}'
  EDGE_MAX_BODY_BYTES: string(maxBodyBytes)
  EDGE_SCREEN_POLICY: screenPolicy
  EDGE_SCREEN_FAIL_MODE: screenFailMode
  EDGE_SCREEN_DEADLINE_MS: string(screenDeadlineMs)
  EDGE_SCREEN_MAX_DOCUMENTS: string(screenMaxDocuments)
  EDGE_SCREEN_ALLOWED_HOSTS: screenAllowedHosts
  EDGE_SCREEN_HARM_CATEGORIES: screenHarmCategories
  EDGE_SESSION_IDLE_SECONDS: string(sessionIdleSeconds)
  EDGE_SESSION_LIFETIME_SECONDS: string(sessionLifetimeSeconds)
  EDGE_SESSION_MAX_PER_USER: string(sessionMaxPerUser)
  EDGE_SESSION_SLIDE_INTERVAL_SECONDS: string(sessionSlideIntervalSeconds)
  EDGE_SESSION_ROTATE_GRACE_SECONDS: string(sessionRotateGraceSeconds)
  EDGE_LOG_LEVEL: logLevel
}

// The settings live in their own resource because EDGE_PUBLIC_URL needs the app's host name.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(platformAppSettings, edgeAppSettings)
}

@description('Name of the Function app.')
output functionAppName string = functionApp.name

@description('Public https URL of the edge (EDGE_PUBLIC_URL).')
output publicUrl string = publicUrl

@description('Default host name of the Function app.')
output defaultHostName string = functionApp.properties.defaultHostName
