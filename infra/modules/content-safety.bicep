// Azure AI Content Safety (Prompt Shields). A custom subdomain is required for Entra ID
// authentication; local (key) authentication is disabled. The account has its own location
// because Prompt Shields is not offered in every region.

import { builtInRoles } from 'builtin-roles.bicep'

@description('Azure region of the Content Safety account (one where Prompt Shields is available).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the account; also used as its custom subdomain (globally unique).')
param contentSafetyName string

@description('Pricing tier: S0 (standard) or F0 (free, one per subscription).')
@allowed([
  'S0'
  'F0'
])
param skuName string = 'S0'

@description('Object (principal) id of the Function app identity.')
param functionIdentityPrincipalId string

resource contentSafety 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: contentSafetyName
  location: location
  tags: tags
  kind: 'ContentSafety'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: contentSafetyName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}

resource cognitiveServicesUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(contentSafety.id, functionIdentityPrincipalId, builtInRoles.cognitiveServicesUser)
  scope: contentSafety
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.cognitiveServicesUser)
    principalId: functionIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Endpoint of the account, https://<subdomain>.cognitiveservices.azure.com/ (CONTENT_SAFETY_ENDPOINT).')
output endpoint string = contentSafety.properties.endpoint

@description('Name of the account.')
output contentSafetyName string = contentSafety.name
