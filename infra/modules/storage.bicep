// Storage for the Functions host (identity-based AzureWebJobsStorage), the Flex Consumption
// deployment package, and the edge's tables. Shared-key access is disabled: every client uses Entra ID.

import { builtInRoles } from 'builtin-roles.bicep'

@description('Azure region of the account.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Name of the blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Names of the tables the edge uses (declared once, in main.bicep).')
param tableNames string[]

@description('Object (principal) id of the Function app identity.')
param functionIdentityPrincipalId string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// Host storage (timers take blob leases) and the deployment package container.
resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionIdentityPrincipalId, builtInRoles.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageBlobDataOwner)
    principalId: functionIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Sessions, server registry, pinned tools.
resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functionIdentityPrincipalId, builtInRoles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageTableDataContributor)
    principalId: functionIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the storage account.')
output storageAccountName string = storage.name

@description('Blob endpoint of the account (with a trailing slash).')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Table endpoint of the account, without a trailing slash (EDGE_TABLES_ENDPOINT).')
output tableEndpoint string = 'https://${storage.name}.table.${environment().suffixes.storage}'

@description('Name of the deployment package container.')
output deploymentContainerName string = deploymentContainer.name
