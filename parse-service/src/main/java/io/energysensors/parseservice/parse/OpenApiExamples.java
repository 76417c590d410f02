package io.energysensors.parseservice.parse;

/** Examples for the OpenAPI description, taken from the first line of the sample (res/events.txt). */
final class OpenApiExamples {

    static final String LINE =
            "Device: ID=1; Fw=16071801; Evt=2; Alarms: CoilRevesed=OFF; Power: Active=1753W; Reactive=279var; Appearent=403VA; Line: Current=7.35900021; Voltage=230.08V; Phase=-43,841rad; Peaks: 7.33199978;7.311999799999999;7.53000021;7.48400021;7.54300022;7.62900019;7.36499977;7.28599977;7.37200022;7.31899977; FFT Re: 9748;46;303;33;52;19;19;39;-455; FFT Img: 2712;6;-792;-59;1386;-19;963;33;462; UTC Time: 2016-10-4 16:47:50; hz: 49.87; WiFi Strength: -62; Dummy: 20";

    static final String LINE_JSON = """
            {"Device":{"ID":1,"Fw":16071801,"Evt":2},"Alarms":{"CoilRevesed":false},"Power":{"Active":1753,"Reactive":279,"Appearent":403},"Line":{"Current":7.35900021,"Voltage":230.08,"Phase":-43.841},"Peaks":[7.33199978,7.311999799999999,7.53000021,7.48400021,7.54300022,7.62900019,7.36499977,7.28599977,7.37200022,7.31899977],"FFT Re":[9748,46,303,33,52,19,19,39,-455],"FFT Img":[2712,6,-792,-59,1386,-19,963,33,462],"UTC Time":["2016-10-04T16:47:50Z"],"hz":[49.87],"WiFi Strength":[-62],"Dummy":[20]}""";

    static final String BAD_LINE_PROBLEM = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"line 1, column 30: expected '=' after key \\"Reactive\\" in section \\"Power\\"",
             "error":"line 1, column 30: expected '=' after key \\"Reactive\\" in section \\"Power\\"",
             "errors":[{"line":1,"column":30,"section":"Power","key":"Reactive",
                        "message":"column 30: expected '=' after key \\"Reactive\\" in section \\"Power\\""}]}""";

    private OpenApiExamples() {}
}
