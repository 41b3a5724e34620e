package apiconv

import "testing"

func TestGoName(t *testing.T) {
	for wire, want := range map[string]string{
		"JobGroupId": "JobGroupID", "NluServiceType": "NLUServiceType", "TtsConfig": "TTSConfig",
		"JobIds": "JobIDs", "ConsoleUrl": "ConsoleURL", "LabelsJson": "LabelsJSON", "AsrConfig": "ASRConfig",
		"SmsTemplate": "SMSTemplate", "ApiPlugins": "APIPlugins", "ClientIp": "ClientIP", "HttpStatus": "HTTPStatus",
		"TaskUuid": "TaskUUID", "AdminRamIdList": "AdminRAMIDList", "IvrTime": "IVRTime", "SipCode": "SIPCode",
		"Dn": "DN", "FileMd5": "FileMD5", "CdrId": "CDRID", "AliyunUid": "AliyunUID", "DescribeTTSConfig": "DescribeTTSConfig",
		"body": "Body", "instanceId": "InstanceID", "x-acs-id": "XAcsID", "2fa": "X2fa", "CallDetailRecordsV2": "CallDetailRecordsV2",
	} {
		if got := GoName(wire); got != want {
			t.Errorf("GoName(%q) = %q, want %q", wire, got, want)
		}
		if !exported(GoName(wire)) {
			t.Errorf("GoName(%q) = %q is not an exported identifier", wire, GoName(wire))
		}
	}
}

func TestSingularPlural(t *testing.T) {
	for plural_, single := range map[string]string{
		"Scripts": "Script", "Strategies": "Strategy", "Statuses": "Status", "Addresses": "Address",
		"Messages": "Message", "JobIDs": "JobID", "Status": "Status", "Data": "Data", "Boxes": "Box", "Batches": "Batch",
	} {
		if got := singular(plural_); got != single {
			t.Errorf("singular(%q) = %q, want %q", plural_, got, single)
		}
		if single != "Data" && single != "Status" && plural(single) != plural_ {
			t.Errorf("plural(%q) = %q, want %q", single, plural(single), plural_)
		}
	}
	if plural("Status") != "Statuses" {
		t.Errorf("plural(Status) = %q", plural("Status"))
	}
}

func TestOpNoun(t *testing.T) {
	for op, want := range map[string]string{
		"ListUsers": "Users", "ListInstancesOfUser": "Instances", "ListCallDetailRecordsV2": "CallDetailRecords",
		"GetContactFlow": "ContactFlow", "SignInGroup": "Group", "QueryJobsWithResult": "Jobs",
	} {
		if got := opNoun(op); got != want {
			t.Errorf("opNoun(%q) = %q, want %q", op, got, want)
		}
	}
}
