package industrialcloudtest

import (
	"time"

	"github.com/typedcloud/sdk-go/industrialcloud"
)

// UUIDs of the seeded instances.
const (
	// ExampleInstanceUUID is a delivered SaaS application (MES) with two
	// extra billing items.
	ExampleInstanceUUID = "8d3f2c6e-5a1b-4e7f-9c0d-2b6a4e8f1c37"
	// DeliveringInstanceUUID is a cloud-market product still being delivered
	// by hand.
	DeliveringInstanceUUID = "c2a7e915-0f4d-4b86-a3e2-7d51b9f06a84"
	// ExpiredInstanceUUID is an energy-monitoring application that expired.
	ExpiredInstanceUUID = "5e9b1d40-3c72-4f1a-8e6d-a0c4f27b9e13"
	// ServerInstanceUUID is a cloud server (ProductType cvm) without expiry.
	ServerInstanceUUID = "f1b84c2d-9e37-4a05-b6c8-3d2e7a1f5c90"
	// DiskInstanceUUID is a cloud block storage disk (ProductType cbs).
	DiskInstanceUUID = "0a6d3e8f-2b15-4c9e-97f4-e5c1b8a2d763"
)

// SeedBid is the business (application) id of the seeded instances bought
// through the third-party channel.
const SeedBid = 1001

// at is a wall-clock time in China Standard Time, as the console shows it.
func at(s string) time.Time {
	t, err := time.ParseInLocation(time.DateTime, s, chinaTime)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// seed returns the instances a new Server holds, oldest first.
func seed() []industrialcloud.Instance {
	apps := industrialcloud.Category{CategoryName: "工业APP", CategoryUUID: "cat-9a41d2e0"}
	infra := industrialcloud.Category{CategoryName: "云基础设施", CategoryUUID: "cat-3f7c8b15"}
	return []industrialcloud.Instance{
		{
			ID: "10231", AppID: 1300012345, BusinessID: SeedBid, UUID: ExampleInstanceUUID,
			InstanceName: "MES生产执行系统", Status: industrialcloud.StatusDelivered,
			LastOrderID: "2024030110000012345", ProductID: "prod-6f2a9c41", ProductName: "MES生产执行系统",
			ProductType: industrialcloud.ProductTypeOthers, ProductSource: industrialcloud.ProductSourceIopThird,
			SpecUUID: "spec-1c9e5b27", CategoryID: apps.CategoryUUID, CategoryName: apps.CategoryName,
			Categories: []industrialcloud.Category{apps}, DeliverType: industrialcloud.DeliverTypeSaaS,
			LifeType:           industrialcloud.LifeTypeLimited,
			InstanceCreateTime: at("2024-03-01 10:00:00"), InstanceExpireTime: at("2025-03-01 10:00:00"),
			Renewable: true, Upgradable: true, BuyerUserID: "100023456789", BuyerCorpID: "200000123",
			ISVUIN: "100011223344", ApplicationID: "app-idaas-7c1e", LoginType: "sso",
			SSOURL:         "https://mes.industry.example.com/sso/login?app=app-idaas-7c1e",
			AdditionalInfo: "7×24 远程支持", AppInfo: "生产计划、工单、质量追溯",
			CustomSpecItems: []industrialcloud.CustomSpecItem{
				{ID: 501, InstanceUUID: ExampleInstanceUUID, Name: "用户数", NameEn: "users", Value: "50",
					Type: "number", CustomUUID: "cs-0e4b7a19", UnitType: "count", Unit: "个"},
				{ID: 502, InstanceUUID: ExampleInstanceUUID, Name: "工位数", NameEn: "stations", Value: "20",
					Type: "number", CustomUUID: "cs-6d2f9c83", UnitType: "count", Unit: "个"},
			},
		},
		{
			ID: "10342", AppID: 1300012345, BusinessID: SeedBid, UUID: DeliveringInstanceUUID,
			InstanceName: "设备远程运维平台", Status: industrialcloud.StatusDelivering, SubStatus: "wait_confirm",
			SourceInstanceID: "market-ins-88213", LastOrderID: "20240512143000654321",
			ProductID: "prod-b8d07e52", ProductName: "设备远程运维平台",
			ProductType: industrialcloud.ProductTypeOthers, ProductSource: industrialcloud.ProductSourceCloudMarket,
			SpecUUID: "spec-4a8e2d61", CategoryID: apps.CategoryUUID, CategoryName: apps.CategoryName,
			Categories: []industrialcloud.Category{apps}, DeliverType: industrialcloud.DeliverTypeManual,
			LifeType:           industrialcloud.LifeTypeLimited,
			InstanceCreateTime: at("2024-05-12 14:30:00"), InstanceExpireTime: at("2025-05-12 14:30:00"),
			IsConfirm: true, BuyerUserID: "100023456789", BuyerCorpID: "200000123", ISVUIN: "100055667788",
		},
		{
			ID: "10477", AppID: 1300012345, BusinessID: SeedBid, UUID: ExpiredInstanceUUID,
			InstanceName: "能耗监测看板", Status: industrialcloud.StatusExpired,
			LastOrderID: "20230715090000111222", ProductID: "prod-2e6c4f90", ProductName: "能耗监测看板",
			ProductType: industrialcloud.ProductTypeOthers, ProductSource: industrialcloud.ProductSourceLocal,
			SpecUUID: "spec-7b3d1e08", CategoryID: apps.CategoryUUID, CategoryName: apps.CategoryName,
			Categories: []industrialcloud.Category{apps}, DeliverType: industrialcloud.DeliverTypeSaaS,
			LifeType:           industrialcloud.LifeTypeLimited,
			InstanceCreateTime: at("2024-06-30 09:00:00"), InstanceExpireTime: at("2024-12-31 23:59:59"),
			Renewable: true, BuyerUserID: "100023456789", BuyerCorpID: "200000123", ISVUIN: "100011223344",
		},
		{
			ID: "10512", AppID: 1300012345, BusinessID: SeedBid, UUID: ServerInstanceUUID,
			InstanceName: "工业云服务器", Status: industrialcloud.StatusDelivered,
			LastOrderID: "20240820110000333444", ProductID: "prod-cvm-s5", ProductName: "云服务器 S5",
			ProductType: industrialcloud.ProductTypeCVM, ProductSource: industrialcloud.ProductSourceIopThird,
			SpecUUID: "spec-s5-medium4", CategoryID: infra.CategoryUUID, CategoryName: infra.CategoryName,
			Categories: []industrialcloud.Category{infra}, DeliverType: industrialcloud.DeliverTypeSaaS,
			LifeType:           industrialcloud.LifeTypeUnlimited,
			InstanceCreateTime: at("2024-08-20 11:00:00"), Upgradable: true,
			BuyerUserID: "100023456789", BuyerCorpID: "200000123", ISVUIN: "100000000001",
		},
		{
			ID: "10598", AppID: 1300012345, BusinessID: SeedBid, UUID: DiskInstanceUUID,
			InstanceName: "数据盘-备份", Status: industrialcloud.StatusDelivered,
			LastOrderID: "20241105160000555666", ProductID: "prod-cbs-premium", ProductName: "高性能云硬盘",
			ProductType: industrialcloud.ProductTypeCBS, ProductSource: industrialcloud.ProductSourceIopThird,
			SpecUUID: "spec-cbs-500g", CategoryID: infra.CategoryUUID, CategoryName: infra.CategoryName,
			Categories: []industrialcloud.Category{infra}, DeliverType: industrialcloud.DeliverTypeSaaS,
			LifeType:           industrialcloud.LifeTypeLimited,
			InstanceCreateTime: at("2024-11-05 16:00:00"), InstanceExpireTime: at("2025-11-05 16:00:00"),
			Renewable: true, CanRefund: true, BuyerUserID: "100023456789", BuyerCorpID: "200000123", ISVUIN: "100000000001",
		},
	}
}
