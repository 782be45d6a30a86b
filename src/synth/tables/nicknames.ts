/**
 * English hypocorisms (formal given name → nicknames people use on forms). Compiled by hand from
 * common usage; the same pairs appear in the public-domain nickname lists (e.g. carltonnorthern/
 * nicknames, Apache-2.0) — this compact table is our own wording of that common knowledge.
 */
// prettier-ignore
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  Robert: ['Bob', 'Rob', 'Bobby', 'Robbie'], William: ['Bill', 'Will', 'Billy', 'Liam'],
  Richard: ['Rick', 'Dick', 'Rich', 'Richie'], James: ['Jim', 'Jimmy', 'Jamie'], John: ['Jack', 'Johnny'],
  Michael: ['Mike', 'Mick', 'Mikey'], David: ['Dave', 'Davey'], Joseph: ['Joe', 'Joey'], Thomas: ['Tom', 'Tommy'],
  Christopher: ['Chris', 'Kit'], Charles: ['Charlie', 'Chuck', 'Chas'], Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'], Anthony: ['Tony', 'Ant'], Donald: ['Don', 'Donnie'], Steven: ['Steve'], Stephen: ['Steve'],
  Andrew: ['Andy', 'Drew'], Joshua: ['Josh'], Kenneth: ['Ken', 'Kenny'], Timothy: ['Tim', 'Timmy'],
  Ronald: ['Ron', 'Ronnie'], Edward: ['Ed', 'Eddie', 'Ted'], Jeffrey: ['Jeff'], Gregory: ['Greg'],
  Nicholas: ['Nick', 'Nicky'], Jonathan: ['Jon', 'Jonny'], Benjamin: ['Ben', 'Benny'], Samuel: ['Sam', 'Sammy'],
  Alexander: ['Alex', 'Xander', 'Sandy'], Patrick: ['Pat', 'Paddy'], Raymond: ['Ray'], Lawrence: ['Larry', 'Laurie'],
  Gerald: ['Gerry', 'Jerry'], Peter: ['Pete'], Philip: ['Phil'], Douglas: ['Doug'], Zachary: ['Zach', 'Zack'],
  Nathan: ['Nate'], Frederick: ['Fred', 'Freddie'], Harold: ['Harry', 'Hal'], Henry: ['Harry', 'Hank'],
  Albert: ['Al', 'Bert'], Walter: ['Walt', 'Wally'], Bradley: ['Brad'], Terence: ['Terry'], Malcolm: ['Mal'],
  Graham: ['Gray'], Callum: ['Cal'], Lachlan: ['Lachie'], Angus: ['Gus'], Frank: ['Frankie'], Arthur: ['Art', 'Artie'],
  Elizabeth: ['Liz', 'Beth', 'Betty', 'Lizzie', 'Eliza'], Margaret: ['Maggie', 'Peggy', 'Meg', 'Marge'],
  Patricia: ['Pat', 'Patty', 'Trish'], Jennifer: ['Jen', 'Jenny'], Katherine: ['Kate', 'Kathy', 'Katie', 'Kat'],
  Catherine: ['Cathy', 'Kate', 'Cate'], Deborah: ['Debbie', 'Deb'], Debra: ['Debbie', 'Deb'],
  Rebecca: ['Becky', 'Becca', 'Bec'], Susan: ['Sue', 'Susie'], Barbara: ['Barb', 'Barbie'], Jessica: ['Jess', 'Jessie'],
  Samantha: ['Sam', 'Sammy'], Victoria: ['Vicky', 'Tori'], Christine: ['Chris', 'Chrissy', 'Tina'],
  Kimberly: ['Kim'], Pamela: ['Pam'], Abigail: ['Abby', 'Gail'], Dorothy: ['Dot', 'Dottie'], Judith: ['Judy'],
  Kathleen: ['Kathy', 'Kath'], Cynthia: ['Cindy'], Stephanie: ['Steph'], Amanda: ['Mandy', 'Manda'],
  Nicole: ['Nicky', 'Nikki'], Melissa: ['Mel', 'Missy'], Jacqueline: ['Jackie', 'Jacqui'], Teresa: ['Terry', 'Tess'],
  Theresa: ['Terry', 'Tess'], Sandra: ['Sandy'], Helen: ['Nell'], Charlotte: ['Charlie', 'Lottie'], Olivia: ['Liv'],
  Isabella: ['Bella', 'Izzy'], Madison: ['Maddy'], Natalie: ['Nat'], Danielle: ['Dani'], Gillian: ['Jill'],
  Rosemary: ['Rose', 'Rosie'], Alexandra: ['Alex', 'Lexie'], Caroline: ['Carrie'], Jacob: ['Jake'],
  Matilda: ['Tilly'], Frances: ['Fran', 'Frankie'], Virginia: ['Ginny'], Beverly: ['Bev'], Beverley: ['Bev'],
  Valerie: ['Val'], Lesley: ['Les'], Josephine: ['Jo', 'Josie'], Joanne: ['Jo'],
};
